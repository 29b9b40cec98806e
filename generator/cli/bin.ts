#!/usr/bin/env node
/**
 * The `mcpgen` executable. Help and version screens come from the build-time
 * cache (see help-cache.ts); everything else goes through yargs in runCli.
 */
import { cachedOutput } from './help-cache.js';

// A reader that stops early (`mcpgen diff A B | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

const argv = process.argv.slice(2);
const cached = cachedOutput(argv);
if (cached !== undefined) {
  process.stdout.write(cached);
} else {
  const { runCli } = await import('./run-cli.js');
  process.exitCode = await runCli(argv);
}
