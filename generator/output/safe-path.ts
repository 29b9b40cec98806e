/**
 * Keeps every write inside the output folder. Emitters build paths from
 * sanitized identifiers already; this is the last line of defence, and it
 * also refuses to follow a symlinked folder out of the tree.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';

/**
 * What one pass over many paths of the same output folder has already
 * checked (the folder's real path, and folders found inside it or not yet
 * there below a checked one), so that planning thousands of files costs one
 * check per folder, not per file. Use one per pass: the file system may
 * change between runs.
 */
export interface PathChecks {
  /** The output folder, resolved, and the folder it was resolved from. */
  root?: { given: string; resolved: string };
  realRoot?: string;
  insideFolders: Set<string>;
}

/** A segment that is empty (`a//b`, a leading or trailing `/`), `.` or `..`. */
const NOT_A_NAME = /(?:^|\/)(?:\.\.?)?(?:\/|$)/;

export function newPathChecks(): PathChecks {
  return { insideFolders: new Set() };
}

export function resolveInside(outDir: string, relativePath: string, checks: PathChecks = newPathChecks()): string {
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
  if (NOT_A_NAME.test(relativePath)) refuse('it leaves the output folder');

  if (checks.root?.given !== outDir) checks.root = { given: outDir, resolved: resolve(outDir) };
  const root = checks.root.resolved;
  // Every segment is a plain name (checked above): on POSIX the joined path is what resolve() would give.
  const target = sep === '/' && root !== '/' ? `${root}/${relativePath}` : resolve(root, relativePath);
  if (!target.startsWith(root + sep)) refuse('it leaves the output folder');

  // The nearest existing ancestor must really be inside the output folder.
  const folder = dirname(target);
  if (checks.insideFolders.has(folder)) return target;
  const realRoot = (checks.realRoot ??= existsSync(root) ? realpathSync(root) : root);
  const missing: string[] = [];
  let probe = folder;
  while (!checks.insideFolders.has(probe) && !existsSync(probe) && probe.startsWith(root + sep)) {
    missing.push(probe);
    probe = dirname(probe);
  }
  if (!checks.insideFolders.has(probe) && existsSync(probe)) {
    const real = realpathSync(probe);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) refuse('a folder on the way is a link out of the output folder');
    checks.insideFolders.add(probe);
  }
  // Folders below a checked one that do not exist yet are created by this run's write stage.
  for (const m of missing) checks.insideFolders.add(m);
  return target;
}
