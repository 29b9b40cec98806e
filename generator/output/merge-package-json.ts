/**
 * An existing `package.json` in the output folder is the user's, but the
 * generated code needs its dependencies and scripts: the ones missing are
 * added (never changed or removed) and listed, so the package is never
 * silently left incomplete.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/display-path.js';
import type { PlannedFile } from './plan-output.js';

const MERGED_SECTIONS = ['dependencies', 'devDependencies', 'scripts'] as const;

/** Turns a kept user `package.json` into an update when it lacks what the generated code needs. */
export function mergePackageJson(plan: PlannedFile[], existing: (path: string) => string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of plan) {
    if (p.path !== 'package.json' || p.action !== 'keep-user' || p.contents === undefined) continue;
    const text = existing(p.absolutePath);
    let current: Record<string, unknown>;
    let wanted: Record<string, unknown>;
    try {
      current = JSON.parse(text ?? '') as Record<string, unknown>;
      wanted = JSON.parse(p.contents) as Record<string, unknown>;
    } catch {
      out.push({
        code: 'output/package-json-unmerged',
        severity: 'warning',
        message: `${displayPath(p.absolutePath)} is not valid JSON, so the dependencies the generated code needs could not be added.`,
        location: { file: displayPath(p.absolutePath), line: 1, column: 1 },
      });
      continue;
    }
    if (!current || typeof current !== 'object' || Array.isArray(current)) continue;
    const added: string[] = [];
    for (const section of MERGED_SECTIONS) {
      const need = wanted[section];
      if (!need || typeof need !== 'object') continue;
      const have = (current[section] && typeof current[section] === 'object' ? current[section] : {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(need)) {
        if (name in have) continue;
        have[name] = value;
        added.push(`${section}.${name}`);
      }
      if (Object.keys(have).length) current[section] = have;
    }
    if (!added.length) continue;
    p.action = 'update';
    p.contents = JSON.stringify(current, null, 2) + '\n';
    out.push({
      code: 'output/package-json-merged',
      severity: 'info',
      message: `${displayPath(p.absolutePath)} lacked what the generated code needs; added ${added.join(', ')}.`,
      location: { file: displayPath(p.absolutePath), line: 1, column: 1 },
    });
  }
  return out;
}
