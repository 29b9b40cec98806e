/** `generate --check --diff`: a unified diff for each stale or missing file, paths relative to the working directory. */
import { readFileSync } from 'node:fs';
import { displayPath } from '../../load/display-path.js';
import type { PlannedFile } from '../../output/plan-output.js';
import { unifiedDiff } from '../../output/unified-diff.js';

export function staleDiffs(plan: PlannedFile[]): string {
  let out = '';
  for (const p of plan) {
    if (p.action !== 'update' && p.action !== 'create' && p.action !== 'conflict') continue;
    if (p.contents === undefined) continue;
    const shown = displayPath(p.absolutePath);
    let current = '';
    if (p.action !== 'create') {
      try {
        current = readFileSync(p.absolutePath, 'utf8');
      } catch {
        current = '';
      }
    }
    out += unifiedDiff(current, p.contents, p.action === 'create' ? '/dev/null' : `a/${shown}`, `b/${shown}`);
  }
  return out;
}
