/** How `generate` and `protocol` report what a run did, or would do, to the output folder. */
import type { OutputMode } from '../../output/emit-output.js';
import type { PlannedFile } from '../../output/plan-output.js';

const VERBS: Record<OutputMode, Partial<Record<PlannedFile['action'], string>>> = {
  write: { create: 'created', update: 'updated', 'delete-orphan': 'removed orphan', 'keep-edited-orphan': 'kept edited orphan' },
  'dry-run': { create: 'would create', update: 'would update', 'delete-orphan': 'would remove orphan', 'keep-edited-orphan': 'would keep edited orphan' },
  check: {},
};

export function describePlan(plan: PlannedFile[], mode: OutputMode, out: string): string {
  // One pass with index loops: a no-op run describes thousands of entries, and its code runs cold (no iterators to allocate).
  const tally: Partial<Record<PlannedFile['action'], number>> = {};
  const lines: string[] = [];
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i]!;
    tally[p.action] = (tally[p.action] ?? 0) + 1;
    const verb = VERBS[mode][p.action];
    if (verb) lines.push(`  ${verb.padEnd(24)} ${p.path}`);
  }
  const count = (...actions: PlannedFile['action'][]) => actions.reduce((sum, a) => sum + (tally[a] ?? 0), 0);
  if (mode === 'check') {
    const stale = count('update', 'conflict');
    const missing = count('create');
    const orphaned = count('delete-orphan', 'keep-edited-orphan');
    lines.push(stale + missing + orphaned === 0 ? `${out}: up to date (${plan.length} files)` : `${out}: ${stale} stale, ${missing} missing, ${orphaned} orphaned`);
  } else {
    const changed = count('create', 'update', 'delete-orphan');
    const kept = count('keep-user');
    lines.push(
      `${out}: ${mode === 'dry-run' ? 'would change' : 'changed'} ${changed} file${changed === 1 ? '' : 's'}, ${count('unchanged')} unchanged` +
        (kept ? `, ${kept} user-owned kept` : ''),
    );
  }
  return lines.join('\n') + '\n';
}

/** The `--format json` report of a file-producing command. */
export function planJson(plan: PlannedFile[]): { path: string; action: PlannedFile['action']; owner: PlannedFile['owner'] }[] {
  return plan.map((p) => ({ path: p.path, action: p.action, owner: p.owner }));
}
