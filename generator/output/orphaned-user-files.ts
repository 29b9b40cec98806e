/**
 * User-owned files (handler stubs, for example) are never deleted, not even
 * when the manifest stops declaring what they were created for. Instead each
 * such file still on disk is reported as a warning, so removing a tool never
 * silently leaves dead code behind (and the generated layer makes the stale
 * handler a compile error).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './file-map.js';
import type { OutputIndex } from './output-index.js';

export function orphanedUserFiles(
  outDir: string,
  previous: OutputIndex | undefined,
  files: OutputFile[],
): { path: string; diagnostic: Diagnostic }[] {
  const wanted = new Set(files.map((f) => f.path));
  const result: { path: string; diagnostic: Diagnostic }[] = [];
  for (const path of previous?.userFiles ?? []) {
    if (typeof path !== 'string' || wanted.has(path) || path.includes('..')) continue;
    const file = join(outDir, path);
    if (!existsSync(file)) continue;
    result.push({ path, diagnostic: orphanedUserFileWarning(file) });
  }
  return result;
}

export function orphanedUserFileWarning(file: string): Diagnostic {
  return {
    code: 'output/user-file-orphaned',
    severity: 'warning',
    message: `${file} was created for something the manifest no longer declares; it is yours, so it was kept.`,
    hint: 'Delete it, or move its code where it is needed now.',
    location: { file, line: 1, column: 1 },
  };
}
