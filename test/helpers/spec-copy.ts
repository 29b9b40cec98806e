/** A private copy of the official spec folder that a test may tamper with. */
import { cpSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { specDir, tempDir } from './paths.js';

export function copySpecDir(revisions?: string[]): string {
  const dir = tempDir('mcpgen-spec-');
  for (const rev of revisions ?? ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28', 'draft']) {
    cpSync(join(specDir(), rev, 'schema.json'), join(dir, rev, 'schema.json'));
    chmodSync(join(dir, rev, 'schema.json'), 0o644);
  }
  return dir;
}

/** Changes one byte of a schema file (keeping it valid JSON). */
export function tamperOneByte(dir: string, revision: string): void {
  const path = join(dir, revision, 'schema.json');
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf('"description": "') + '"description": "'.length;
  const c = text[at] === 'A' ? 'B' : 'A';
  writeFileSync(path, text.slice(0, at) + c + text.slice(at + 1));
}
