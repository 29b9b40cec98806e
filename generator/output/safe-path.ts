/**
 * Keeps every write inside the output folder. Emitters build paths from
 * sanitized identifiers already; this is the last line of defence, and it
 * also refuses to follow a symlinked folder out of the tree.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';

export function resolveInside(outDir: string, relativePath: string): string {
  const refuse = (why: string): never => {
    throw new McpgenError({
      code: 'output/outside-dir',
      severity: 'error',
      message: `Refusing to write "${relativePath}": ${why}.`,
    });
  };
  if (relativePath === '' || relativePath.includes('\0')) refuse('not a valid path');
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) refuse('absolute paths are not allowed');
  if (relativePath.includes('\\')) refuse('backslashes are not allowed');
  const segments = relativePath.split('/');
  if (segments.some((s) => s === '..' || s === '' || s === '.')) refuse('it leaves the output folder');

  const root = resolve(outDir);
  const target = resolve(root, relativePath);
  if (!target.startsWith(root + sep)) refuse('it leaves the output folder');

  // The nearest existing ancestor must really be inside the output folder.
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  let probe = dirname(target);
  while (!existsSync(probe) && probe.startsWith(root + sep)) probe = dirname(probe);
  if (existsSync(probe)) {
    const real = realpathSync(probe);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) refuse('a folder on the way is a link out of the output folder');
  }
  return target;
}
