/**
 * The project config: `mcpgen.config.ts`, `.mjs`, `.json` or `.yaml` in the
 * working directory (searched in that order), or the file --config names.
 * It is validated against `mcpgen/config.schema.json` with located errors.
 * Paths in it are relative to the config file; command-line flags win.
 */
import { dirname, resolve } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';
import type { McpgenConfig } from './config-types.js';
import { findConfigFile, readConfigFile, type RawConfig } from './read-config.js';
import { validateConfig } from './validate-config.js';

export type { McpgenConfig } from './config-types.js';

export interface LoadedConfig {
  /** The config as written (paths relative to `dir`); `{}` when there is no config file. */
  config: McpgenConfig;
  /** The file it was read from, with its text and positions. */
  raw?: RawConfig;
  /** The folder paths are relative to: the config's folder, else the working directory. */
  dir: string;
  /** `specDir`, absolute. */
  specDir?: string;
  allowUnpinned?: boolean;
  offline?: boolean;
  revision?: string | string[];
  /** `refRoots`, absolute. */
  refRoots?: string[];
}

/**
 * Loads the config named by `explicitPath`, else the first config file found
 * in `cwd`, else an empty one.
 * @throws McpgenError (exit 2) with every problem located in the file.
 */
export async function loadConfig(explicitPath: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (!path) return { config: {}, dir: cwd };
  return checked(await readConfigFile(path));
}

/** A config given as an object (library use); paths in it are relative to `cwd`. */
export function configFromObject(value: McpgenConfig, cwd: string = process.cwd()): LoadedConfig {
  return checked({ file: resolve(cwd, 'mcpgen.config.js'), display: '(config object)', format: 'mjs', text: JSON.stringify(value) ?? '', value });
}

function checked(raw: RawConfig): LoadedConfig {
  const problems = validateConfig(raw);
  if (problems.length) throw new McpgenError(problems);
  const config = raw.value as McpgenConfig;
  const dir = dirname(raw.file);
  return {
    config,
    raw,
    dir,
    ...(config.specDir ? { specDir: resolve(dir, config.specDir) } : {}),
    ...(config.allowUnpinned !== undefined ? { allowUnpinned: config.allowUnpinned } : {}),
    ...(config.offline !== undefined ? { offline: config.offline } : {}),
    ...(config.revision !== undefined ? { revision: config.revision } : {}),
    ...(config.refRoots ? { refRoots: config.refRoots.map((r) => resolve(dir, r)) } : {}),
  };
}
