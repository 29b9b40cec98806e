/**
 * Writes a file so that readers see either the old or the new contents, never
 * a half-written one: write a temporary file in the same folder, then rename
 * it over the target (rename is atomic within one file system).
 */
import { nodeCrypto } from './node-crypto.js';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const TEMP_PREFIX = '.mcpgen-tmp-';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}${basename(path)}-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
