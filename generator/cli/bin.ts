#!/usr/bin/env node
/**
 * The `mcpgen` executable. Help and version screens come from the build-time
 * cache (see help-cache.ts); common `lint` lines are parsed without yargs
 * (fast-path.ts); everything else goes through yargs in runCli.
 */
import { cachedOutput } from './help-cache.js';

// A reader that stops early (`mcpgen diff A B | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

/**
 * The command itself, in a function rather than at the top level: the
 * bundled executable is CommonJS (scripts/bundle-cli.mjs), which has no
 * top-level await.
 */
async function main(argv: string[]): Promise<void> {
  const cached = cachedOutput(argv);
  if (cached !== undefined) {
    process.stdout.write(cached);
    return;
  }
  // Common lint command lines skip yargs (fast-path.ts); everything else is parsed by yargs.
  const { runWithoutYargs } = await import('./fast-path.js');
  const { processIo } = await import('./io.js');
  const fast = await runWithoutYargs(argv, processIo);
  if (fast !== undefined) {
    process.exitCode = fast;
    exitOnceDone(fast);
  } else {
    const { runCli } = await import('./run-cli.js');
    process.exitCode = await runCli(argv);
  }
}

/**
 * Ends the process as soon as the command is done, instead of letting Node
 * tear down the heap and every module first: after a large lint that
 * teardown took 10-20 ms, a tenth of the whole run. Only when nothing is
 * pending: no handle or request other than the standard streams (a child
 * process, a timer, a file operation under way makes it wait for the natural
 * end), and no output still being written (stdout and stderr are
 * asynchronous on some platforms, pipes on Windows), so no work or output is
 * ever cut.
 */
function exitOnceDone(code: number): void {
  // stdout and stderr are a TTYWrap or PipeWrap each (none when they are files); anything else is pending work.
  const active = process.getActiveResourcesInfo();
  if (active.length > 2 || active.some((r) => r !== 'TTYWrap' && r !== 'PipeWrap')) return;
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}

// A failure that escapes main is a bug: Node prints it and exits 1, as for any unhandled rejection.
void main(process.argv.slice(2));
