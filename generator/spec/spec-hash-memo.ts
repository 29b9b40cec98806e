/**
 * Reads a spec file with its sha256 (checked against the revision's pin by
 * load-spec.ts), and remembers the hash by the file's metadata, so that the
 * commands that read an unchanged spec again need not hash it, nor load
 * node:crypto to do so (6-9 ms of a 170 ms `mcpgen lint`).
 *
 * The memo is kept in the user cache (`<cache>/spec-hashes.json`), beside
 * the no-op stamps, which trust the same files by the same metadata. An
 * entry holds the size, mtime, ctime, inode and device of the file with the
 * hash of the bytes read. It is used only when the open file still has all
 * five, before and after this read; it is recorded only when the file had
 * last changed clearly before it was read (racy-timestamps.ts). No user can
 * set a ctime back: any write to the file since its hash was taken, even
 * one that restores the mtime, makes the entry miss, and the file is hashed
 * and checked against its pin again. Best effort both ways: a missing,
 * unreadable or damaged memo means hashing; an unwritable or absent cache
 * folder (mcpgen makes its own folder in it, never the folder itself), no
 * memo.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.js';
import { racyAt } from '../output/racy-timestamps.js';
import { sha256OfText } from '../output/text-bytes.js';
import { countWork } from '../pipeline/work-counts.js';
import { cacheDir } from './spec-dirs.js';

/** size, mtimeMs, ctimeMs, ino, dev, then the sha256 of the contents. */
type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number, sha256: string];

interface Memo {
  generator: 'mcpgen-spec-hashes';
  files: Record<string, Entry>;
}

/** Spec files remembered at most (one per revision and folder in practice); beyond that the memo starts over. */
const MAX_FILES = 64;

function memoPath(env: NodeJS.ProcessEnv | undefined): string {
  return join(cacheDir(env), 'spec-hashes.json');
}

function readMemo(env: NodeJS.ProcessEnv | undefined): Record<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(memoPath(env), 'utf8')) as Partial<Memo>;
    return parsed.generator === 'mcpgen-spec-hashes' && typeof parsed.files === 'object' && parsed.files !== null ? parsed.files : {};
  } catch {
    return {};
  }
}

function entryOf(s: Stats, sha256: string): Entry {
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev, sha256];
}

function matches(entry: unknown, s: Stats): entry is Entry {
  return (
    Array.isArray(entry) &&
    entry.length === 6 &&
    entry[0] === s.size &&
    entry[1] === s.mtimeMs &&
    entry[2] === s.ctimeMs &&
    entry[3] === s.ino &&
    entry[4] === s.dev &&
    typeof entry[5] === 'string' &&
    /^[0-9a-f]{64}$/.test(entry[5])
  );
}

/** The file's bytes and their sha256, from the memo when the file is as it was when hashed. */
export function readSpecFile(path: string, env?: NodeJS.ProcessEnv): { bytes: Buffer; sha256: string } {
  const readAt = Date.now();
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  let before: Stats;
  let after: Stats;
  try {
    before = fstatSync(fd);
    bytes = readFileSync(fd);
    after = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  // Changed while read: hashed, never remembered.
  const steady = before.size === after.size && before.mtimeMs === after.mtimeMs && before.ctimeMs === after.ctimeMs && after.size === bytes.length;
  const files = readMemo(env);
  const known = files[path];
  if (steady && matches(known, after)) return { bytes, sha256: known[5] };
  countWork('spec-files-hashed');
  const sha256 = sha256OfText(bytes);
  if (steady && !racyAt(after.mtimeMs, after.ctimeMs, readAt)) {
    const kept = Object.keys(files).length < MAX_FILES ? files : {};
    kept[path] = entryOf(after, sha256);
    try {
      // mcpgen's folder is made in the user's cache folder, never the cache folder itself.
      if (existsSync(dirname(cacheDir(env)))) writeFileAtomic(memoPath(env), JSON.stringify({ generator: 'mcpgen-spec-hashes', files: kept } satisfies Memo));
    } catch {
      // A read-only cache folder: the next run hashes again.
    }
  }
  return { bytes, sha256 };
}
