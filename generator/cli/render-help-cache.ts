/**
 * Build step: renders every cached help screen with yargs and writes
 * help-cache.json in dist/generator (see HELP_CACHE_URL). Run by `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../package-root.js';
import { HELP_CACHE_URL, HELP_COMMAND_PATHS, type HelpCache } from './help-cache.js';
import { processIo } from './io.js';
import { buildCli } from './run-cli.js';

/** What yargs prints for `<path> --help`. */
export async function renderHelp(path: string): Promise<string> {
  const argv = [...(path ? path.split(' ') : []), '--help'];
  const cli = buildCli(argv, { io: processIo, exitCode: 0 });
  return new Promise((resolve, reject) => {
    void cli.parse(argv, {}, (err, _args, output) => (err ? reject(err) : resolve(output)));
  });
}

export async function renderHelpCache(): Promise<HelpCache> {
  const help: Record<string, string> = {};
  for (const path of HELP_COMMAND_PATHS) help[path] = await renderHelp(path);
  return { version: packageVersion(), help };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cache = await renderHelpCache();
  writeFileSync(HELP_CACHE_URL, JSON.stringify(cache, null, 2) + '\n');
}
