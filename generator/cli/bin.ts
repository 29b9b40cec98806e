#!/usr/bin/env node
/**
 * The `mcpgen` executable. Help and version screens come from the build-time
 * cache (see help-cache.ts); common `lint` lines are parsed without yargs
 * (fast-path.ts); everything else goes through yargs in runCli.
 */
import { cachedOutput } from './help-cache.js';

/**
 * The command itself, in a function rather than at the top level: the
 * bundled executable is CommonJS (scripts/bundle-cli.mjs), which has no
 * top-level await.
 */
async function main(argv: string[]): Promise<void> {
  const cached = cachedOutput(argv);
  if (cached !== undefined) {
    // A reader that stops early (`mcpgen --help | head`) is not an error. The stream, not std-output.ts:
    // help loads no file besides this one.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
    process.stdout.write(cached);
    return;
  }
  // Common lint command lines skip yargs (fast-path.ts); everything else is parsed by yargs.
  const { runWithoutYargs } = await import('./fast-path.js');
  const { processIo } = await import('./io.js');
  const { outputPending, useStreams } = await import('./std-output.js');
  const fast = await runWithoutYargs(argv, processIo);
  if (fast !== undefined) {
    process.exitCode = fast;
    exitOnceDone(fast, outputPending);
  } else {
    // yargs prints through console, that is through the streams: everything goes that way from here, in order.
    useStreams();
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
function exitOnceDone(code: number, outputPending: () => boolean): void {
  // stdout and stderr, when their streams were made, are a TTYWrap or PipeWrap each (none when they are files);
  // anything else is pending work.
  const active = process.getActiveResourcesInfo();
  if (active.length > 2 || active.some((r) => r !== 'TTYWrap' && r !== 'PipeWrap')) return;
  if (!outputPending()) process.exit(code);
}

// A failure that escapes main is a bug: Node prints it and exits 1, as for any unhandled rejection.
void main(process.argv.slice(2));
