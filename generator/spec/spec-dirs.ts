/**
 * Where revision schemas are looked up, in order: --spec-dir, MCPGEN_SPEC_DIR,
 * `specDir` from the config file, then the user cache. A spec directory has the
 * layout `<revision>/schema.json`.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SpecSourceOptions {
  /** `--spec-dir`: searched first. */
  specDir?: string;
  /** `specDir` from the config file: searched after the environment variable. */
  configSpecDir?: string;
  /** Environment to read MCPGEN_SPEC_DIR, XDG_CACHE_HOME and HOME from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Accept schema files whose hash does not match the pin (with a warning). */
  allowUnpinned?: boolean;
}

export type SpecOrigin = '--spec-dir' | 'MCPGEN_SPEC_DIR' | 'config' | 'cache';

export interface SpecDirCandidate {
  dir: string;
  origin: SpecOrigin;
}

/** The user cache that `mcpgen spec pull` fills. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && xdg.trim() !== '' ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'mcpgen');
}

export function specDirCandidates(options: SpecSourceOptions = {}): SpecDirCandidate[] {
  const env = options.env ?? process.env;
  const out: SpecDirCandidate[] = [];
  if (options.specDir) out.push({ dir: resolve(options.specDir), origin: '--spec-dir' });
  if (env.MCPGEN_SPEC_DIR) out.push({ dir: resolve(env.MCPGEN_SPEC_DIR), origin: 'MCPGEN_SPEC_DIR' });
  if (options.configSpecDir) out.push({ dir: resolve(options.configSpecDir), origin: 'config' });
  out.push({ dir: cacheDir(env), origin: 'cache' });
  return out;
}

export function schemaPathIn(dir: string, revision: string): string {
  return join(dir, revision, 'schema.json');
}

/** The first candidate that holds the revision's schema file, if any. */
export function locateSchema(
  revision: string,
  options: SpecSourceOptions = {},
): { path: string; origin: SpecOrigin } | undefined {
  for (const c of specDirCandidates(options)) {
    const path = schemaPathIn(c.dir, revision);
    if (existsSync(path)) return { path, origin: c.origin };
  }
  return undefined;
}
