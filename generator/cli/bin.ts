#!/usr/bin/env node
/**
 * The `mcpgen` executable. Help and version screens come from the build-time
 * cache (see help-cache.ts); everything else goes through yargs in runCli.
 */
import { cachedOutput } from './help-cache.js';

const argv = process.argv.slice(2);
const cached = cachedOutput(argv);
if (cached !== undefined) {
  process.stdout.write(cached);
} else {
  const { runCli } = await import('./run-cli.js');
  process.exitCode = await runCli(argv);
}
