/**
 * The no-op fast path: a stamp of everything a successful write depended on,
 * so that the next run with the same options can tell "nothing changed" from
 * file metadata alone, before loading the spec, parsing the manifest, linting,
 * emitting or hashing any output (the content-based cache in input-cache.ts
 * needs all of that first).
 *
 * The stamp lives in the user cache (`<cache>/stamps/<hash of the output
 * folder's path>.json`), not in the output folder: a no-op run touches
 * nothing there, the folder's bookkeeping stays deterministic, and a run
 * answered by the content cache can renew the stamp. It holds:
 * - a context: every option that shapes the output (manifest paths, revision,
 *   emitters and their options, spec search settings and environment, the
 *   folders), mcpgen's version and a stat-based identity of its own code;
 * - each input (manifests, $ref targets, spec files) and each generated file
 *   by size, mtime, ctime and inode; user files by existence;
 * - the lint and spec diagnostics of the run, replayed verbatim.
 *
 * Racy timestamps: a file changed within the timestamp granularity of the
 * moment we looked at it could keep its mtime. An entry is trusted by stat
 * only when its mtime is clearly older than the moment its contents were
 * known (the run's start for inputs and unchanged outputs), by a margin
 * for the gap between the wall clock and file timestamps. A written output
 * is checked against the stat taken right after writing it, and trusted at
 * once when the file system's own clock had passed its mtime before it was
 * renamed into place (write-output.ts: only the files staged in the last
 * tick before the journal are racy, not every file of the last 100 ms).
 * A racy entry carries its sha256 and is compared by content at replay; a
 * replay that finds such an entry old enough by then rewrites the stamp
 * without its hash (settledStamp). A stamp is only ever a shortcut: anything
 * unusual (a journal, stale temporary files, a lock, a missing or
 * mismatching entry) returns undefined and the full run decides.
 */
import { sha256OfText } from './text-bytes.js';
import { marginFor, racyAt } from './racy-timestamps.js';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listGeneratorFiles } from '../generator-files.js';
import type { SpecRead } from '../spec/load-spec.js';
import { cacheDir, locateSchema, type SpecSourceOptions } from '../spec/spec-dirs.js';
import { LOCK_PATH } from './output-lock.js';
import { orphanedUserFileWarning } from './orphaned-user-files.js';
import { INDEX_PATH, type OutputIndex } from './output-index.js';
import type { PlannedFile } from './plan-output.js';
import { TEMP_PREFIX, writeFileAtomic } from './atomic-write.js';
import { BACKUP_PREFIX, pendingJournal, type WrittenStat } from './write-output.js';

/** size, mtimeMs, ctimeMs, ino; then the sha256 of the contents when the entry is racy. */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256?: string];

export interface RunStamp {
  v: 2;
  /** sha256 of the run's context (see stampContext). */
  context: string;
  revision: string;
  /** Manifests and $ref targets, by absolute path. */
  inputs: Record<string, FileStamp>;
  /** Spec lookups, by revision: the file the search found (null: none) and its stamp. */
  specs: Record<string, { path: string | null; stamp?: FileStamp }>;
  /** The output index's own stamp. */
  index: FileStamp;
  /**
   * Every generated file the index lists (paths relative to the folder) and
   * their stamps, flat: four numbers per path in `stats` (size, mtimeMs,
   * ctimeMs, ino) and, for racy entries, the sha256 in `hashes` by position.
   * One array of numbers parses into one object, not thousands.
   */
  outputs: { paths: string[]; stats: number[]; hashes: Record<string, string> };
  /**
   * The index's user-owned and orphaned files, as the run knew them: while
   * the index matches its stamp they are its contents, so a replay need not
   * read it.
   */
  userFiles: string[];
  orphanedUserFiles: string[];
  /** Lint and spec diagnostics of the run (what a cached run prints besides orphan warnings). */
  diagnostics: Diagnostic[];
  /** The run's sources (display path -> absolute path), for code frames of replayed diagnostics. */
  sources: Record<string, string>;
  /** Every input file, absolute (what `--watch` watches). */
  inputFiles: string[];
}

/** What a replayed run reports: the same as a content-cached run. */
export interface ReplayedRun {
  plan: PlannedFile[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  revision: string;
  inputFiles: string[];
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stamp of a file whose contents (hash `sha256`) were known at `knownAt`:
 * trusted by stat when it was last changed clearly before then.
 */
export function stampFile(path: string, knownAt: number, sha256: () => string): FileStamp | undefined {
  const s = statOf(path);
  if (!s?.isFile()) return undefined;
  return racyAt(s.mtimeMs, s.ctimeMs, knownAt) ? [s.size, s.mtimeMs, s.ctimeMs, s.ino, sha256()] : [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

/**
 * The stamp of a file this run wrote, given the stat taken right after
 * writing it (before its rename into place): trusted when it still has that
 * size, mtime and inode, and either the file system's clock had passed its
 * mtime before the rename (`settled`, write-output.ts) or it was not written
 * within the margin before `now`.
 */
export function stampWritten(path: string, written: WrittenStat, now: number, sha256: () => string): FileStamp | undefined {
  const s = statOf(path);
  if (!s?.isFile()) return undefined;
  const same = s.size === written.size && s.mtimeMs === written.mtimeMs && s.ino === written.ino;
  const racy = !same || (!written.settled && s.mtimeMs >= now - marginFor(s.mtimeMs));
  return racy ? [s.size, s.mtimeMs, s.ctimeMs, s.ino, sha256()] : [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

/** Does the file still match its stamp? `text` decodes it the way the run read it (inputs). */
function matches(path: string, stamp: FileStamp, text: boolean): boolean {
  return matchesStat(path, stamp[0], stamp[1], stamp[2], stamp[3], stamp[4], text);
}

function matchesStat(path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256: string | undefined, text: boolean): boolean {
  const s = statOf(path);
  if (!s?.isFile() || s.size !== size || s.mtimeMs !== mtimeMs || s.ctimeMs !== ctimeMs || s.ino !== ino) return false;
  if (sha256 === undefined) return true;
  try {
    const bytes = readFileSync(path);
    return sha256OfText(text ? bytes.toString('utf8').replace(/^\uFEFF/, '') : bytes) === sha256;
  } catch {
    return false;
  }
}

/**
 * mcpgen's code identity without reading its code: the path, size and mtime
 * of each of its files (generator-files.ts). Any rebuild or patched install
 * changes it. Computed once per process.
 */
let codeIdentity: string | undefined;
export function generatorCodeIdentity(): string {
  // The entries themselves, not a hash of them: a no-op run loads no crypto (node-crypto.ts).
  codeIdentity ??= listGeneratorFiles()
    .map(({ path }) => {
      const s = statOf(path);
      return `${path}\0${s?.size}\0${s?.mtimeMs}`;
    })
    .join('\n');
  return codeIdentity;
}

/**
 * Everything besides files that shapes a run's output, as one string
 * (kept in the stamp and compared whole: a few kilobytes, and no hash to
 * compute on the no-op path).
 */
export function stampContext(parts: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): string {
  const picked = { MCPGEN_SPEC_DIR: env.MCPGEN_SPEC_DIR, XDG_CACHE_HOME: env.XDG_CACHE_HOME, HOME: env.HOME };
  return JSON.stringify({ v: 2, parts, env: picked, code: generatorCodeIdentity(), node: process.version });
}

/**
 * Where the stamp of output folder `out` (absolute) is kept: a file named
 * by a hash of the path. Not a cryptographic one (a no-op run loads no
 * crypto): two folders whose names collide only take turns with one file,
 * since a stamp names its folder and is read for that folder only.
 */
export function stampPath(out: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'stamps', `${pathKey(out)}.json`);
}

/** 32 hex digits: FNV-1a (32 bits) of the path's UTF-16 code units, from four offset bases. */
function pathKey(path: string): string {
  let key = '';
  for (const basis of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = basis;
    for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
    key += (h >>> 0).toString(16).padStart(8, '0');
  }
  return key;
}

export function readRunStamp(out: string, env?: NodeJS.ProcessEnv): RunStamp | undefined {
  try {
    const parsed = JSON.parse(readFileSync(stampPath(out, env), 'utf8')) as { out?: string; stamp?: RunStamp };
    return parsed.out === out && parsed.stamp?.v === 2 ? parsed.stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Stamps kept at most; beyond that the oldest go (folders deleted long ago leave theirs behind). */
const MAX_STAMPS = 500;

/** Records the stamp of `out`. Best effort: a cache that cannot be written only costs speed. */
export function writeRunStamp(out: string, stamp: RunStamp, env?: NodeJS.ProcessEnv): void {
  const path = stampPath(out, env);
  try {
    writeFileAtomic(path, JSON.stringify({ generator: 'mcpgen', out, stamp }));
    const dir = dirname(path);
    const names = readdirSync(dir);
    if (names.length > MAX_STAMPS) {
      const aged = names.map((n) => ({ n, t: statOf(join(dir, n))?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
      for (const { n } of aged.slice(0, names.length - MAX_STAMPS / 2)) rmSync(join(dir, n), { force: true });
    }
  } catch {
    // Read-only or missing cache folder: no stamp, the next run takes the full path.
  }
}

/**
 * Lists each folder (absolute, with a trailing separator) that holds one of
 * the `generated` or `user` files (absolute paths, grouped by folder as the
 * stamp lists them), once and without file types, and keeps the names of
 * the folders of user files. Undefined when a folder holds a staging or
 * backup file of an interrupted run. Those are the only folders a run with
 * this stamp's inputs writes into (a staged file is made beside its target);
 * leftovers anywhere else are left to the next full run (findStaleTemps).
 * Index loops throughout: this code runs cold, where each step of an
 * iterator allocates.
 */
function listFolders(generated: readonly string[], user: readonly string[]): Map<string, Set<string> | null> | undefined {
  const folders = new Map<string, Set<string> | null>();
  const visit = (paths: readonly string[], keepNames: boolean): boolean => {
    let folder = '';
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      // Paths of one folder come together: the folder is cut out only when it changes.
      if (folder !== '' && path.startsWith(folder) && path.indexOf(sep, folder.length) === -1) continue;
      folder = path.slice(0, path.lastIndexOf(sep) + 1);
      const known = folders.get(folder);
      if (known !== undefined && (known !== null || !keepNames)) continue;
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        names = [];
      }
      for (let j = 0; j < names.length; j++) {
        const name = names[j]!;
        // Both prefixes start with a dot, which most names do not.
        if (name.charCodeAt(0) === 46 && (name.startsWith(TEMP_PREFIX) || name.startsWith(BACKUP_PREFIX))) return false;
      }
      folders.set(folder, keepNames ? new Set(names) : null);
    }
    return true;
  };
  return visit(generated, false) && visit(user, true) ? folders : undefined;
}

/** What a path from the index must not hold to stay inside the folder by its spelling alone: an empty, `.` or `..` segment, a backslash, a colon or NUL. */
const NOT_PLAIN = /^\/|\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)|[\\\0:]/;
function plainRelative(path: unknown): path is string {
  return typeof path === 'string' && path !== '' && !NOT_PLAIN.test(path) && !isAbsolute(path);
}

/**
 * The result of a run that would change nothing, when the stamp in `out`
 * was recorded under `context` and every file it names is as it was;
 * otherwise undefined (the full run decides).
 */
export function replayRunStamp(out: string, context: string, specSource: SpecSourceOptions): ReplayedRun | undefined {
  // Before any file is looked at: what is checked below is known from this moment on.
  const checkedAt = Date.now();
  out = resolve(out);
  // Index paths are plain relative paths (checked below): joined by hand, thousands of path.resolve calls cost.
  const root = out.endsWith(sep) ? out : out + sep;
  const stamp = readRunStamp(out, specSource.env);
  if (!stamp || stamp.context !== context) return undefined;
  try {
    // The folder must be the same real folder (not a link put in its place).
    if (!lstatSync(out).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  if (existsSync(join(out, LOCK_PATH)) || pendingJournal(out)) return undefined;
  for (const [path, s] of Object.entries(stamp.inputs)) if (!matches(path, s, true)) return undefined;
  for (const [revision, spec] of Object.entries(stamp.specs)) {
    // The search must still find the same file (MCPGEN_SPEC_DIR or a folder may have changed).
    const now = locateSchema(revision, specSource)?.path ?? null;
    if (now !== spec.path) return undefined;
    if (spec.path !== null && (!spec.stamp || !matches(spec.path, spec.stamp, false))) return undefined;
  }
  // The index unchanged (by its stamp) means its lists are the ones the stamp holds: it is not read.
  if (!matches(join(out, INDEX_PATH), stamp.index, false)) return undefined;
  const { paths, stats, hashes } = stamp.outputs ?? {};
  if (!Array.isArray(paths) || !Array.isArray(stats) || stats.length !== paths.length * 4 || typeof hashes !== 'object' || hashes === null) return undefined;
  if (!Array.isArray(stamp.userFiles) || !Array.isArray(stamp.orphanedUserFiles)) return undefined;
  const plan: PlannedFile[] = [];
  const generated: string[] = [join(out, INDEX_PATH)];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    if (!plainRelative(path)) return undefined;
    const absolutePath = root + (sep === '/' ? path : path.split('/').join(sep));
    const at = i * 4;
    if (!matchesStat(absolutePath, stats[at]!, stats[at + 1]!, stats[at + 2]!, stats[at + 3]!, hashes[i], false)) return undefined;
    plan.push({ path, absolutePath, owner: 'generated', action: 'unchanged' });
    generated.push(absolutePath);
  }
  const user: string[] = [];
  for (let i = 0; i < stamp.userFiles.length; i++) {
    const path = stamp.userFiles[i];
    if (!plainRelative(path)) return undefined;
    user.push(root + (sep === '/' ? path : path.split('/').join(sep)));
  }
  // One listing of each folder written into: user files are checked by existence (as the content cache does) and
  // leftovers of an interrupted run (for the full run to clean up) are found on the way.
  const folders = listFolders(generated, user);
  if (!folders) return undefined;
  const orphans = new Set(stamp.orphanedUserFiles);
  for (let i = 0; i < user.length; i++) {
    const absolutePath = user[i]!;
    const cut = absolutePath.lastIndexOf(sep) + 1;
    if (!folders.get(absolutePath.slice(0, cut))?.has(absolutePath.slice(cut)) && !existsSync(absolutePath)) return undefined;
    const path = stamp.userFiles[i]!;
    if (!orphans.has(path)) plan.push({ path, absolutePath, owner: 'user', action: 'keep-user' });
  }
  plan.push({ path: INDEX_PATH, absolutePath: join(out, INDEX_PATH), owner: 'generated', action: 'unchanged' });

  const sources = new Map<string, string>();
  for (const d of stamp.diagnostics) {
    const file = d.location?.file;
    const absolute = file === undefined ? undefined : stamp.sources[file];
    if (file === undefined || absolute === undefined || sources.has(file)) continue;
    try {
      sources.set(file, readFileSync(absolute, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  }
  const diagnostics = [...stamp.diagnostics, ...stamp.orphanedUserFiles.map((path) => orphanedUserFileWarning(join(out, path)))];
  const settled = settledStamp(stamp, checkedAt);
  if (settled) writeRunStamp(out, settled, specSource.env);
  return {
    plan: plan.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    diagnostics,
    sources,
    revision: stamp.revision,
    inputFiles: stamp.inputFiles,
  };
}

/**
 * The stamp without the hashes of its racy entries that are racy no more:
 * every entry was just found as stamped (a racy one by its contents), and
 * one changed longer than the margin before `checkedAt` is trusted by its
 * stat from now on, as a run stamping it now would. The files a run wrote
 * last are racy when it stamps them (often the 15 MB validators module):
 * without this, every later no-op read and hashed them again. Undefined
 * when nothing settles.
 */
function settledStamp(stamp: RunStamp, checkedAt: number): RunStamp | undefined {
  let changed = false;
  const settle = (s: FileStamp): FileStamp => {
    if (s[4] === undefined || racyAt(s[1], s[2], checkedAt)) return s;
    changed = true;
    return [s[0], s[1], s[2], s[3]];
  };
  const inputs = Object.fromEntries(Object.entries(stamp.inputs).map(([path, s]) => [path, settle(s)]));
  const specs = Object.fromEntries(Object.entries(stamp.specs).map(([revision, spec]) => [revision, spec.stamp ? { ...spec, stamp: settle(spec.stamp) } : spec]));
  const index = settle(stamp.index);
  const { stats, hashes } = stamp.outputs;
  const kept: Record<string, string> = {};
  for (const [i, hash] of Object.entries(hashes)) {
    if (racyAt(stats[Number(i) * 4 + 1]!, stats[Number(i) * 4 + 2]!, checkedAt)) kept[i] = hash;
    else changed = true;
  }
  return changed ? { ...stamp, inputs, specs, index, outputs: { ...stamp.outputs, hashes: kept } } : undefined;
}

export interface StampRecord {
  context: string;
  revision: string;
  /** Date.now() before the run read anything. */
  runStart: number;
  /** Inputs read, with the text the run used. */
  inputs: { path: string; text: string }[];
  specs: SpecRead[];
  specSource: SpecSourceOptions;
  /**
   * The output index and every generated file it lists: the sha256 of the
   * contents the run knows they have (undefined: unknown, no stamp if racy),
   * and the stat taken right after writing, for files this run wrote.
   */
  outputs: { path: string; absolutePath: string; sha256: () => string | undefined; written?: WrittenStat }[];
  /** The output index the run wrote or found unchanged (its lists go into the stamp). */
  index: Pick<OutputIndex, 'files' | 'userFiles' | 'orphanedUserFiles'>;
  diagnostics: Diagnostic[];
  sources: Record<string, string>;
  inputFiles: string[];
}

/** The stamp of a run, or undefined when a file it needs is not where it should be. */
export function buildRunStamp(r: StampRecord): RunStamp | undefined {
  const now = Date.now();
  let unknown = false;
  const inputs: Record<string, FileStamp> = {};
  for (const { path, text } of r.inputs) {
    const s = stampFile(path, r.runStart, () => sha256OfText(text));
    if (!s) return undefined;
    inputs[path] = s;
  }
  const specs: RunStamp['specs'] = {};
  for (const read of r.specs) {
    if (specs[read.revision] || (locateSchema(read.revision, r.specSource)?.path ?? null) !== read.path) continue;
    if (read.path === null) {
      specs[read.revision] = { path: null };
      continue;
    }
    const s = stampFile(read.path, read.readAt, () => read.sha256 ?? '');
    if (!s) return undefined;
    specs[read.revision] = { path: read.path, stamp: s };
  }
  // The outputs must be exactly the index and the files it lists (what a replay checks and reports).
  const listed = Object.keys(r.index.files);
  const byPath = new Map(r.outputs.map((o) => [o.path, o]));
  if (byPath.size !== listed.length + 1 || !byPath.has(INDEX_PATH) || !listed.every((p) => byPath.has(p))) return undefined;
  const stampOutput = (o: StampRecord['outputs'][number]): FileStamp | undefined => {
    const hash = (): string => {
      const h = o.sha256();
      if (h === undefined) unknown = true;
      return h ?? '';
    };
    const s = o.written ? stampWritten(o.absolutePath, o.written, now, hash) : stampFile(o.absolutePath, r.runStart, hash);
    return !s || unknown ? undefined : s;
  };
  const index = stampOutput(byPath.get(INDEX_PATH)!);
  if (!index) return undefined;
  const stats: number[] = [];
  const hashes: Record<string, string> = {};
  for (let i = 0; i < listed.length; i++) {
    const s = stampOutput(byPath.get(listed[i]!)!);
    if (!s) return undefined;
    stats.push(s[0], s[1], s[2], s[3]);
    if (s[4] !== undefined) hashes[i] = s[4];
  }
  return {
    v: 2,
    context: r.context,
    revision: r.revision,
    inputs,
    specs,
    index,
    outputs: { paths: listed, stats, hashes },
    userFiles: r.index.userFiles ?? [],
    orphanedUserFiles: r.index.orphanedUserFiles ?? [],
    diagnostics: r.diagnostics,
    sources: r.sources,
    inputFiles: r.inputFiles,
  };
}
