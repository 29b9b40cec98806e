/**
 * `mcpgen.config.json`: defaults for a project, so a monorepo build step can
 * run `mcpgen generate` with no flags. Looked up in the current directory
 * unless --config names a file. Command-line flags always win.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';

export const CONFIG_FILE = 'mcpgen.config.json';

export interface McpgenConfig {
  /** Spec directory, searched after --spec-dir and MCPGEN_SPEC_DIR. Relative to the config file. */
  specDir?: string;
  /** Manifest files, relative to the config file. */
  manifests?: string[];
  revision?: string;
  emit?: string[];
  /** Output folder, relative to the config file. */
  out?: string;
  allowUnpinned?: boolean;
  /**
   * Output folder → what to generate there (the shape `mcpgen init` writes).
   * Until multi-target runs exist, a config with exactly one target is read
   * as `out` = its key plus its `emit`, `manifests` and `revision`.
   */
  targets?: Record<string, { manifests?: string[]; revision?: string; emit?: string[] }>;
}

const KEYS = new Set(['$schema', 'specDir', 'manifests', 'revision', 'emit', 'out', 'allowUnpinned', 'targets']);

export function loadConfig(explicitPath: string | undefined, cwd: string = process.cwd()): McpgenConfig {
  const path = resolve(cwd, explicitPath ?? CONFIG_FILE);
  if (!explicitPath && !existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new McpgenError({
      code: 'input/unreadable',
      severity: 'error',
      message: `Cannot read config ${path}: ${(err as Error).message}`,
      location: { file: path, line: 1, column: 1 },
    });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new McpgenError({ code: 'load/not-an-object', severity: 'error', message: `${path} must hold a JSON object.`, location: { file: path, line: 1, column: 1 } });
  }
  const unknown = Object.keys(raw).filter((k) => !KEYS.has(k));
  if (unknown.length) {
    throw new McpgenError({
      code: 'load/unknown-key',
      severity: 'error',
      message: `Unknown key${unknown.length > 1 ? 's' : ''} in ${path}: ${unknown.join(', ')}.`,
      hint: `A config may have: ${[...KEYS].filter((k) => k !== '$schema').join(', ')}.`,
      location: { file: path, line: 1, column: 1 },
    });
  }
  const config = singleTarget(raw as McpgenConfig, path);
  const base = dirname(path);
  return {
    ...config,
    ...(config.specDir ? { specDir: resolve(base, config.specDir) } : {}),
    ...(config.out ? { out: resolve(base, config.out) } : {}),
    ...(config.manifests ? { manifests: config.manifests.map((m) => resolve(base, m)) } : {}),
  };
}

/** Reads a one-target `targets` map as the flat form; several targets need multi-target support (not yet here). */
function singleTarget(config: McpgenConfig, path: string): McpgenConfig {
  if (config.targets === undefined) return config;
  const entries = Object.entries(config.targets ?? {});
  const [out, target] = entries[0] ?? [];
  if (entries.length !== 1 || !target || typeof target !== 'object' || config.out !== undefined) {
    throw new McpgenError({
      code: 'load/unknown-key',
      severity: 'error',
      message: `${path}: this mcpgen reads a \`targets\` map with exactly one target and no top-level \`out\`.`,
      location: { file: path, line: 1, column: 1 },
    });
  }
  const { targets: _targets, ...rest } = config;
  return {
    ...rest,
    out,
    ...(target.emit ? { emit: target.emit } : {}),
    ...(target.manifests ? { manifests: target.manifests } : {}),
    ...(target.revision ? { revision: target.revision } : {}),
  };
}
