/**
 * `generate --watch` also watches the folders it writes into, so that after a
 * save the plan can trust what it last knew of each generated file (its
 * contents, size and mtime: plan-output.ts) without a stat, as long as the
 * file's folder reported nothing about it since. At 1,000 tools a plan would
 * otherwise stat some 2,500 files after every save (about 30 ms on a slow
 * disk or VM).
 *
 * Any doubt falls back to the stat: a file named in an event (the watcher's
 * own writes included), a folder whose watcher failed or that was removed or
 * replaced (checked by one stat of each folder per plan), a folder watched
 * only after the file was last looked at. Folder watchers never keep the
 * process alive and end with `stopWatchingOutput`.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

interface WatchedFolder {
  watcher: FSWatcher;
  /** Which watch this is: what was learnt under another one (of a folder since replaced) is not trusted. */
  id: number;
  /** The folder's identity when its watch began: a folder removed and made again is another one. */
  dev: number;
  ino: number;
  /** Names of the files an event named since each was last looked at. */
  touched: Set<string>;
  /** The watcher reported an error or an event without a name: nothing in it is trusted. */
  broken: boolean;
}

const MAX_TOUCHED = 10_000;

let watches = 0;

/** undefined: output folders are not watched (every run but `generate --watch`). */
let folders: Map<string, WatchedFolder> | undefined;

export function startWatchingOutput(): void {
  folders ??= new Map();
}

export function stopWatchingOutput(): void {
  for (const folder of folders?.values() ?? []) folder.watcher.close();
  folders = undefined;
}

export function watchingOutput(): boolean {
  return folders !== undefined;
}

/** Begins watching `dir` when output folders are watched, it exists and is not watched yet. */
export function watchOutputFolder(dir: string): void {
  if (folders === undefined || folders.has(dir)) return;
  let identity: { dev: number; ino: number };
  try {
    const stat = statSync(dir);
    if (!stat.isDirectory()) return;
    identity = { dev: stat.dev, ino: stat.ino };
  } catch {
    return;
  }
  const touched = new Set<string>();
  let folder: WatchedFolder | undefined;
  try {
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || name === undefined) folder!.broken = true;
      else touched.add(name.toString());
      // Each atomic write names a staging file too: past this many names the folder is watched afresh (one stat of each file).
      if (touched.size > MAX_TOUCHED) folder!.broken = true;
    });
    folder = { watcher, id: ++watches, ...identity, touched, broken: false };
    watcher.on('error', () => (folder!.broken = true));
  } catch {
    return; // no watcher (a limit of the system): this folder's files are stat-ed as before
  }
  folders.set(dir, folder);
}

/**
 * Stops trusting folders whose watcher broke, or that were removed or
 * replaced since their watch began (one stat per folder). Called at the
 * start of each plan.
 */
export function checkOutputFolders(): void {
  if (folders === undefined) return;
  for (const [dir, folder] of folders) {
    let same = !folder.broken;
    if (same) {
      try {
        const stat = statSync(dir);
        same = stat.dev === folder.dev && stat.ino === folder.ino;
      } catch {
        same = false;
      }
    }
    if (!same) {
      folder.watcher.close();
      folders.delete(dir);
    }
  }
}

/**
 * Whether what was learnt of `path` when `lookingAt` gave `watch` still
 * holds: its folder is watched by that same watch, and no event named the
 * file since.
 */
export function untouchedOutput(path: string, watch: number): boolean {
  const folder = folders?.get(dirname(path));
  return folder !== undefined && folder.id === watch && !folder.broken && !folder.touched.has(basename(path));
}

/**
 * Called right before `path` is looked at (stat-ed, or its stat after a
 * write is recorded): forgets the events that named it, which the look
 * supersedes. No event is delivered while a run works (it is synchronous
 * from plan to write), so every event forgotten here happened before. Gives
 * the watch under which what is learnt now can be trusted later
 * (`untouchedOutput`), or 0 when its folder is not watched.
 */
export function lookingAt(path: string): number {
  const folder = folders?.get(dirname(path));
  if (folder === undefined || folder.broken) return 0;
  folder.touched.delete(basename(path));
  return folder.id;
}
