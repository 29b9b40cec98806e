/**
 * Whether this process keeps per-item results from one run for the next
 * (lint findings, laid-out JSON, type modules, validator chunks), so that a
 * re-run redoes only what an edit changed. Only `generate --watch` runs the
 * pipeline more than once per process; a one-shot run would pay each memo's
 * key (a JSON serialization of every item) and keep the results for nothing,
 * so memos are off unless the watcher turns them on.
 */
let kept = false;

/** Called once by `generate --watch` (and by tests that re-run in one process, as it does). */
export function keepRunMemos(on = true): void {
  kept = on;
}

export function runMemosKept(): boolean {
  return kept;
}
