/**
 * One writer per output folder: `.mcpgen/lock`, created exclusively, holding
 * the owner's pid and host. A second run waits for the first (up to
 * `waitMs`), then refuses with a message naming the owner; a lock left by a
 * process that no longer exists (killed, crashed) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';

export const LOCK_PATH = '.mcpgen/lock';

export interface OutputLock {
  release(): void;
}

export function acquireOutputLock(outDir: string, waitMs = 30_000): OutputLock {
  const path = join(outDir, LOCK_PATH);
  mkdirSync(join(outDir, '.mcpgen'), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n');
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new McpgenError({
          code: 'output/write-failed',
          severity: 'error',
          message: `Cannot create the lock ${path}: ${(err as Error).message}.`,
          location: { file: path, line: 1, column: 1 },
        });
      }
    }
    const owner = readOwner(path);
    // An unreadable lock older than a few seconds was left by a run killed between creating and filling it.
    if (!owner && ageMs(path) > 5_000) {
      rmSync(path, { force: true });
      continue;
    }
    if (owner && !isAlive(owner)) {
      // The writer is gone (kill -9, crash): its lock is stale.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new McpgenError({
        code: 'output/locked',
        severity: 'error',
        message: `Another mcpgen run (pid ${owner?.pid ?? '?'} on ${owner?.host ?? '?'}) is writing ${outDir}; gave up waiting after ${Math.round(waitMs / 1000)} s.`,
        hint: `Wait for it to finish. If no such run exists, delete ${path}.`,
        location: { file: path, line: 1, column: 1 },
      });
    }
    sleep(50);
  }
}

interface Owner {
  pid: number;
  host: string;
}

function readOwner(path: string): Owner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Owner;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    // Being written right now, or emptied by a crash between create and write.
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell: assume it runs
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
