/**
 * How a file is named in diagnostics: relative to the current directory when
 * it is inside it (short, clickable in terminals and editors), else absolute.
 */
import { isAbsolute, relative } from 'node:path';

export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return rel.split('\\').join('/');
}
