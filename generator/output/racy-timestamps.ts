/**
 * When a file's metadata can stand for its contents. A file changed within
 * the timestamp granularity of the moment its contents were known could be
 * changed again and keep its mtime; only a file last changed clearly before
 * that moment can be trusted by its size, mtime, ctime and inode afterwards.
 * Used by the no-op stamp (run-stamp.ts) and the spec hash memo
 * (spec/spec-hash-memo.ts).
 */

/** Timestamps at whole seconds suggest a file system with coarse (1-2 s) timestamps. */
export function marginFor(mtimeMs: number): number {
  return mtimeMs % 1000 === 0 ? 2500 : 100;
}

/** Whether a file last changed (mtime, ctime) too close to `knownAt`, when its contents were known, to be trusted by stat. */
export function racyAt(mtimeMs: number, ctimeMs: number, knownAt: number): boolean {
  return Math.max(mtimeMs, ctimeMs) >= knownAt - marginFor(mtimeMs);
}
