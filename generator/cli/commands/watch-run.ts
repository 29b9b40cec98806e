/**
 * `mcpgen generate --watch`: runs the build, then again (debounced) whenever
 * the config, a manifest or a $ref'ed file changes, printing one summary
 * line per run. Errors are shown and watching goes on; Ctrl-C (SIGINT) or
 * SIGTERM stops it with exit 0. Folders are watched rather than files, so
 * editors that save by replacing the file are seen too.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findConfigFile } from '../../config/read-config.js';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { GenerateArgs } from './generate-command.js';
import { buildOnce } from './generate-run.js';
import { keepRunMemos } from '../../pipeline/run-memos.js';
import { startWatchingOutput, stopWatchingOutput } from '../../output/output-watch.js';

/**
 * How long a run waits after the last change event. A save arrives as a
 * burst of events a few milliseconds apart (truncate and write, or write a
 * temporary file and rename it); the wait lets the burst end, so a run reads
 * the whole file once. 50 ms is well past such bursts and is part of every
 * save-to-written time (bench/build-bench.ts measures with this default).
 * MCPGEN_WATCH_DEBOUNCE_MS overrides it (a slow network file system).
 */
const DEBOUNCE_MS = Number(process.env.MCPGEN_WATCH_DEBOUNCE_MS ?? 50);

export function runWatch(args: GenerateArgs, io: CliIo): Promise<number> {
  // Re-runs redo only what an edit changed (pipeline/run-memos.ts), and trust what they know of their own output (output/output-watch.ts).
  keepRunMemos();
  startWatchingOutput();
  const cwd = process.cwd();
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let first = true;

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  const watchFiles = (list: string[]): void => {
    files = new Set(list);
    const dirs = new Set(list.map((f) => dirname(f)));
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          if (name && files.has(join(dir, name.toString()))) schedule();
        });
        w.on('error', () => undefined);
        watchers.set(dir, w);
      } catch {
        // A folder that does not exist (yet): its file is reported missing by the run.
      }
    }
  };

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      const result = await buildOnce(args, io);
      const sources = new Map(result.targets.flatMap((t) => [...t.sources]));
      if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text', sources, { summary: false });
      const counts = countBySeverity(result.diagnostics);
      const ms = Math.round(performance.now() - started);
      const n = result.targets.length;
      io.out(
        `mcpgen: ${n} target${n === 1 ? '' : 's'}, ${result.changed.length} file${result.changed.length === 1 ? '' : 's'} changed` +
          `${counts.error ? `, ${counts.error} error${counts.error === 1 ? '' : 's'}` : ''}${counts.warning ? `, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : ''} (${ms} ms)\n`,
      );
      const config = args.config !== undefined ? resolve(cwd, args.config) : findConfigFile(cwd);
      const manifests = (args.manifest ?? []).map((m) => resolve(cwd, m));
      watchFiles([...new Set([...(config ? [config] : []), ...manifests, ...result.inputFiles])]);
    } catch (err) {
      reportFailure(io, err, 'text');
    } finally {
      running = false;
    }
    if (first) {
      first = false;
      io.err(`mcpgen: watching ${files.size} file${files.size === 1 ? '' : 's'} (${[...files].map((f) => basename(f)).slice(0, 5).join(', ')}${files.size > 5 ? ', …' : ''}); Ctrl-C to stop\n`);
    }
    if (again) {
      again = false;
      schedule();
    }
  };

  return new Promise((done) => {
    const stop = (): void => {
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      stopWatchingOutput();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('mcpgen: stopped watching\n');
      done(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    void run();
  });
}
