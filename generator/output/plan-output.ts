/**
 * Compares what would be generated with what is on disk and decides, per
 * file, what a run would do. Reads only; `write-output.ts` carries out a plan,
 * and `--check` / `--dry-run` only report it.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';
import { countWork } from '../pipeline/work-counts.js';
import type { OutputFile } from './file-map.js';
import { hasHeader } from './header.js';
import { readOutputIndex, type OutputIndex } from './output-index.js';
import { newPathChecks, resolveInside } from './safe-path.js';
import { parted, partsOf, sameText, textHead, type TextSource } from './parted-text.js';
import { checkOutputFolders, lookingAt, untouchedOutput, watchOutputFolder, watchingOutput } from './output-watch.js';
import { partsHoldCr, sha256OfText } from './text-bytes.js';

export type PlannedAction =
  /** Generated or user file that does not exist yet. */
  | 'create'
  /** Generated file whose contents differ from disk. */
  | 'update'
  | 'unchanged'
  /** User-owned file that exists: never touched. */
  | 'keep-user'
  /** A file not written by mcpgen is where a generated file would go. */
  | 'conflict'
  /** Generated before, not now, unedited: removed. */
  | 'delete-orphan'
  /** Generated before, not now, but edited since: kept, with a warning. */
  | 'keep-edited-orphan';

export interface PlannedFile {
  path: string;
  absolutePath: string;
  action: PlannedAction;
  owner: OutputFile['owner'];
  contents?: string;
}

/** A generated file as this process last read or wrote it (its text: a string, or parted), with its size and modification time then. */
interface DiskState {
  source: TextSource;
  mtimeMs: number;
  size: number;
  /** The watch of its folder when this was learnt (output-watch.ts; 0: none): while no event names the file, it still holds without a stat. */
  watched: number;
}

/**
 * Files the previous plan in this process found unchanged: `generate --watch`
 * then skips reading a file whose wanted contents are the same and whose
 * size and modification time have not moved (an edit by hand changes them).
 * Replaced on each plan, so it holds at most one run's files.
 */
let diskMemo = new Map<string, DiskState>();

/**
 * User files the last plan found as plain files in a watched folder, with
 * the watch (output-watch.ts): the next plan keeps them without listing the
 * folder again while no event names them.
 */
let userFilesSeen = new Map<string, number>();

/** Files of the last plan whose disk contents were known without reading them (by the memo above), by absolute path. */
let knownCurrent = new Map<string, DiskState>();

/**
 * The disk contents of a file of the last plan, when the plan knew them from
 * this process's memo (same size and mtime as when it wrote or read them)
 * and the file still has that size and mtime; else undefined (read it).
 */
export function knownDiskContents(absolutePath: string): TextSource | undefined {
  const known = knownCurrent.get(absolutePath);
  if (!known) return undefined;
  const stat = statOrNothing(absolutePath);
  return stat && stat.mtimeMs === known.mtimeMs && stat.size === known.size ? known.source : undefined;
}

/** The plan's entry for `file`: its text as the file has it (a parted file stays parted: the writer writes its parts). */
function planned(file: OutputFile, absolutePath: string, action: PlannedAction): PlannedFile {
  const parts = partsOf(file);
  if (!parts) return { path: file.path, absolutePath, owner: file.owner, contents: file.contents, action };
  // `action` after `contents`, as in the plain entry's key order.
  const entry = parted({ path: file.path, absolutePath, owner: file.owner }, parts) as PlannedFile;
  entry.action = action;
  return entry;
}

/** `previousIndex`: the output index already read by the caller (default: read it here). */
export function planOutput(
  outDir: string,
  files: OutputFile[],
  previousIndex: OutputIndex | undefined = readOutputIndex(outDir),
): PlannedFile[] {
  const previous = previousIndex?.files ?? {};
  const plan: PlannedFile[] = [];
  const wanted = new Set<string>();
  const checks = newPathChecks();

  const memo = new Map<string, DiskState>();
  knownCurrent = new Map();
  const listings = new Map<string, FolderListing>();
  checkOutputFolders();
  const watching = watchingOutput();
  const userFilesNow = new Map<string, number>();
  for (const file of files) {
    const absolutePath = resolveInside(outDir, file.path, checks);
    wanted.add(file.path);
    // A user file that is there as a plain file is kept whatever its stat says: its folder's listing tells (one read for a
    // thousand handlers), or under `generate --watch` the listing of an earlier plan, while the folder's watcher names no event for it.
    if (file.owner === 'user') {
      const seen = userFilesSeen.get(absolutePath);
      if (seen !== undefined && untouchedOutput(absolutePath, seen)) {
        userFilesNow.set(absolutePath, seen);
        plan.push(planned(file, absolutePath, 'keep-user'));
        continue;
      }
      if (watching) watchOutputFolder(dirname(absolutePath));
      const watch = lookingAt(absolutePath);
      if (listedAsFile(listings, absolutePath)) {
        if (watch !== 0) userFilesNow.set(absolutePath, watch);
        plan.push(planned(file, absolutePath, 'keep-user'));
        continue;
      }
    }
    // `generate --watch`: unchanged since this process last looked at it (its folder's watcher says), with the same contents wanted.
    const trusted = file.owner === 'generated' ? diskMemo.get(absolutePath) : undefined;
    if (trusted !== undefined && trusted.watched !== 0 && untouchedOutput(absolutePath, trusted.watched) && sameText(trusted.source, file)) {
      memo.set(absolutePath, trusted);
      plan.push(planned(file, absolutePath, 'unchanged'));
      continue;
    }
    if (watching) watchOutputFolder(dirname(absolutePath));
    const watched = lookingAt(absolutePath);
    // A file whose folder is not there is not there either: a first run into a new folder stats none of its thousands of files.
    if (folderListing(listings, dirname(absolutePath)) === 'missing') {
      plan.push(planned(file, absolutePath, 'create'));
      continue;
    }
    countWork('outputs-statted');
    const stat = statOrNothing(absolutePath);
    if (!stat) {
      plan.push(planned(file, absolutePath, 'create'));
      continue;
    }
    if (stat.isDirectory()) {
      plan.push(planned(file, absolutePath, 'conflict'));
      continue;
    }
    if (file.owner === 'user') {
      plan.push(planned(file, absolutePath, 'keep-user'));
      continue;
    }
    // Unchanged since this process last read it, with the same contents wanted: no need to read it again.
    const known = diskMemo.get(absolutePath);
    const sameStat = known !== undefined && known.mtimeMs === stat.mtimeMs && known.size === stat.size;
    if (known && sameStat && sameText(known.source, file)) {
      memo.set(absolutePath, known.watched === watched ? known : { ...known, watched });
      plan.push(planned(file, absolutePath, 'unchanged'));
      continue;
    }
    // Unchanged since this process wrote or read it: its contents are known without reading it again.
    const knownNow = known !== undefined && sameStat;
    const current: TextSource = knownNow ? known.source : { contents: readOutput(absolutePath) };
    if (knownNow) knownCurrent.set(absolutePath, known);
    // A checkout with autocrlf turns LF into CRLF; the content is the same. (Not for contents this process knows exactly:
    // they are bytes it wrote or found equal, no checkout's, and scanning a changed 15 MB module for CR costs a watch run.)
    const same = sameText(current, file);
    if (same || (!knownNow && sameIgnoringCrlf(current, file, file.path))) {
      if (same) memo.set(absolutePath, { source: file, mtimeMs: stat.mtimeMs, size: stat.size, watched });
      plan.push(planned(file, absolutePath, 'unchanged'));
    } else if (file.path in previous || hasHeader(textHead(current, 300)) || file.path === '.mcpgen/files.json') {
      plan.push(planned(file, absolutePath, 'update'));
    } else {
      plan.push(planned(file, absolutePath, 'conflict'));
    }
  }

  for (const [path, hash] of Object.entries(previous).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (wanted.has(path)) continue;
    let absolutePath: string;
    try {
      absolutePath = resolveInside(outDir, path, checks);
    } catch {
      continue; // A tampered index cannot make us touch files outside the folder.
    }
    if (!existsSync(absolutePath)) continue;
    const edited = sha256OfText(readFileSync(absolutePath)) !== hash;
    plan.push({ path, absolutePath, owner: 'generated', action: edited ? 'keep-edited-orphan' : 'delete-orphan' });
  }
  diskMemo = memo;
  userFilesSeen = userFilesNow;
  return plan;
}

/**
 * Files this process just wrote, with the stat taken right after writing
 * each: the next plan (`generate --watch`) skips reading them back, like the
 * files it found unchanged.
 */
export function rememberWritten(plan: readonly PlannedFile[], written: ReadonlyMap<string, { size: number; mtimeMs: number }>): void {
  for (const p of plan) {
    const stat = written.get(p.absolutePath);
    if (stat && p.owner === 'generated' && (partsOf(p) !== undefined || p.contents !== undefined) && (p.action === 'create' || p.action === 'update')) {
      // The events of this write reach the folder's watcher after the run: the next plan stats the file once more.
      diskMemo.set(p.absolutePath, { source: p, mtimeMs: stat.mtimeMs, size: stat.size, watched: lookingAt(p.absolutePath) });
    }
  }
  if (watchingOutput()) settleWatchedFolders();
}

/**
 * `generate --watch`: watches the folders of the files known now, and
 * looks once more (a stat) at those learnt before their folder was watched
 * (a folder the run itself made), so that the next plan can trust them.
 * The first run pays this once; later ones find their folders watched.
 */
function settleWatchedFolders(): void {
  for (const path of diskMemo.keys()) watchOutputFolder(dirname(path));
  for (const [path, known] of diskMemo) {
    if (known.watched !== 0) continue;
    const watched = lookingAt(path);
    if (watched === 0) continue;
    countWork('outputs-statted');
    const stat = statOrNothing(path);
    if (stat && stat.isFile() && stat.mtimeMs === known.mtimeMs && stat.size === known.size) diskMemo.set(path, { ...known, watched });
    else diskMemo.delete(path);
  }
}

function readOutput(path: string): string {
  countWork('outputs-read');
  return readFileSync(path, 'utf8');
}

function sameIgnoringCrlf(a: TextSource, b: TextSource, path: string): boolean {
  // A parted text (the validators module) is scanned as bytes, without joining it.
  const holdsCr = (t: TextSource): boolean => {
    const parts = partsOf(t);
    return parts ? partsHoldCr(parts, path) : (t.contents ?? '').includes('\r');
  };
  return (holdsCr(a) || holdsCr(b)) && (a.contents ?? '').replace(/\r\n/g, '\n') === (b.contents ?? '').replace(/\r\n/g, '\n');
}

/**
 * Whether the folder listing shows `path` as a regular file (listings read
 * once per folder per plan). Anything else (missing, a folder, a link, a
 * name spelt in another case on a case-insensitive disk) is left to stat.
 */
function listedAsFile(listings: Map<string, FolderListing>, path: string): boolean {
  const listing = folderListing(listings, dirname(path));
  return typeof listing === 'object' && listing.get(basename(path))?.isFile() === true;
}

/**
 * A folder's entries by name, read once per plan; `missing` when there is no
 * such folder (yet) or a file is in its place (then nothing is inside it);
 * `unreadable` when it cannot be listed for another reason (a folder without
 * read permission may still hold files: those are left to stat).
 */
type FolderListing = Map<string, Dirent> | 'missing' | 'unreadable';

function folderListing(listings: Map<string, FolderListing>, folder: string): FolderListing {
  let listing = listings.get(folder);
  if (listing !== undefined) return listing;
  try {
    listing = new Map(readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    listing = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
  listings.set(folder, listing);
  return listing;
}

/** The file's stat, or undefined where `existsSync` would say false (missing, or a file in the way of its folder). */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
