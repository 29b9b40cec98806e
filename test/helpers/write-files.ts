/** Writes a small tree of files into a fresh temp folder and returns its path. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './paths.js';

export function writeFiles(files: Record<string, string>, dir: string = tempDir()): string {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}
