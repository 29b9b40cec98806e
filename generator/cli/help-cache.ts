/**
 * Help screens rendered by yargs at build time (see render-help-cache.ts).
 *
 * Why: importing yargs costs more than starting Node itself (its
 * string-width dependency builds an Intl.Segmenter and large Unicode regexes
 * at load). `mcpgen --help` and `mcpgen <command> --help` are the commands
 * people run first and most, so the bin prints these cached screens without
 * loading yargs at all. yargs stays the single source of truth: the cache is
 * produced from the same command definitions on every build, and a test
 * checks that it equals what yargs renders live.
 */
import { readFileSync } from 'node:fs';

/**
 * dist/generator/help-cache.json: one level up from both this module
 * (dist/generator/cli/) and the bundled executable that inlines it
 * (dist/generator/bin/, scripts/bundle-cli.mjs), so both read the same file.
 */
export const HELP_CACHE_URL = new URL('../help-cache.json', import.meta.url);

/** Command paths whose `--help` is cached (`''` is the top level). */
export const HELP_COMMAND_PATHS = ['', 'init', 'add', 'generate', 'lint', 'spec', 'spec list', 'spec pull', 'spec verify', 'protocol', 'diff', 'migrate', 'check', 'import'] as const;

export interface HelpCache {
  version: string;
  /** Command path → the exact text yargs prints for `<path> --help`. */
  help: Record<string, string>;
}

/** The cached output for argv, or undefined when yargs must handle it. */
export function cachedOutput(argv: readonly string[]): string | undefined {
  const last = argv[argv.length - 1];
  const isHelp = last === '--help' || last === '-h';
  const isVersion = argv.length === 1 && (last === '--version' || last === '-V');
  if (!isHelp && !isVersion) return undefined;
  let cache: HelpCache;
  try {
    cache = JSON.parse(readFileSync(HELP_CACHE_URL, 'utf8')) as HelpCache;
  } catch {
    return undefined; // Running from source, or the cache was not built: yargs renders it.
  }
  if (isVersion) return cache.version + '\n';
  const path = argv.slice(0, -1).join(' ');
  const text = cache.help[path];
  return text === undefined ? undefined : text + '\n';
}
