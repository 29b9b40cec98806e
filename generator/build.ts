/**
 * The build step: every target of a config (or one ad-hoc target) through
 * `generate`, then the config's hooks. What `mcpgen generate` runs, and the
 * library's `generate(config)` for build scripts and bundler plug-ins.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { McpgenError, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import type { HooksConfig, McpgenConfig } from './config/config-types.js';
import { configFromObject, loadConfig, type LoadedConfig } from './config/load-config.js';
import { resolveTargets, type ResolvedTarget, type TargetOverrides } from './config/resolve-targets.js';
import { generate, type GenerateResult, type OutputMode } from './generate.js';
import { INDEX_PATH } from './output/output-index.js';
import type { SpecSourceOptions } from './spec/spec-dirs.js';

export interface BuildOptions extends SpecSourceOptions {
  /** A config object, or the path of a config file; default: the config file found in `cwd` (none: flags only). */
  config?: McpgenConfig | string;
  cwd?: string;
  /** `write` (default), `check` or `dry-run`. */
  mode?: OutputMode;
  /** Command-line style overrides for this run. */
  overrides?: TargetOverrides;
  /** Ignore the incremental cache. */
  force?: boolean;
  /** Never download a missing spec revision (overrides the config's `offline`). */
  offline?: boolean;
  /** Write through an output folder that is a symbolic link (`--follow-out-link`). */
  followOutLink?: boolean;
  /** Largest manifest or $ref file read, in bytes (`--max-input-size`). */
  maxInputBytes?: number;
  /** Use and record the no-op stamp (default true; see GenerateOptions). */
  noopStamp?: boolean;
  onProgress?: (message: string) => void;
}

export interface TargetResult extends GenerateResult, Pick<ResolvedTarget, 'emit' | 'emitterOptions' | 'place'> {
  /** The config key (plus `/<revision>` for multi-revision targets), or the folder. */
  name: string;
  /** The output folder, absolute. */
  out: string;
  /** The target's manifests and spec sources, for follow-up work on its output (`--typecheck`). */
  manifests: string[];
  specSource: SpecSourceOptions;
  /** The folder the config's relative paths (plug-ins) are resolved from. */
  configDir: string;
}

export interface BuildResult {
  targets: TargetResult[];
  /** Config, target, lint, output and hook diagnostics of the whole run. */
  diagnostics: Diagnostic[];
  /** 0 ok; 1 findings (lint errors, stale output, a failed hook); 2 unusable input. */
  exitCode: 0 | 1 | 2;
  /** Absolute paths written or removed (or that would be, in check and dry-run). */
  changed: string[];
  /** The config file used, if any. */
  configFile?: string;
  /** Files whose change affects the output: the config, manifests, $ref'ed files, plug-ins. */
  inputFiles: string[];
}

/** Never throws for user errors: they are in `diagnostics`, with `exitCode` 2. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  let loaded: LoadedConfig;
  try {
    loaded = typeof options.config === 'object' ? configFromObject(options.config, cwd) : await loadConfig(options.config, cwd);
  } catch (err) {
    if (err instanceof McpgenError) return failed(err.diagnostics, err.exitCode);
    throw err;
  }
  const configFile = loaded.raw && typeof options.config !== 'object' ? loaded.raw.file : undefined;
  const { targets, diagnostics } = resolveTargets(loaded, options.overrides ?? {}, cwd);
  if (diagnostics.length) return { ...failed(diagnostics, 2), ...(configFile ? { configFile, inputFiles: [configFile] } : {}) };
  if (targets.length === 0) {
    return failed([{ code: 'usage/invalid', severity: 'error', message: 'Nothing to generate: no --out and no targets in a config.', hint: 'Example: mcpgen generate --manifest mcp.yaml --out generated, or add mcpgen.config.ts with targets.' }], 2);
  }
  const results: TargetResult[] = [];
  const all: Diagnostic[] = [];
  for (const target of targets) {
    options.onProgress?.(`${target.name}: generating`);
    const specSource: SpecSourceOptions = {
      specDir: options.specDir,
      configSpecDir: options.configSpecDir ?? loaded.specDir,
      allowUnpinned: options.allowUnpinned ?? loaded.allowUnpinned,
      ...(options.env ? { env: options.env } : {}),
    };
    const result = await generate({
      manifests: target.manifests,
      ...(target.revision !== undefined ? { revision: target.revision } : {}),
      emit: target.emit,
      ...(target.emitterOptions ? { emitterOptions: target.emitterOptions } : {}),
      out: target.out,
      mode: options.mode ?? 'write',
      baseDir: loaded.dir,
      place: target.place,
      cwd,
      force: options.force,
      offline: options.offline ?? loaded.offline ?? false,
      ...specSource,
      ...(options.followOutLink !== undefined ? { followOutLink: options.followOutLink } : {}),
      ...(options.maxInputBytes !== undefined ? { maxInputBytes: options.maxInputBytes } : {}),
      ...(options.noopStamp !== undefined ? { noopStamp: options.noopStamp } : {}),
      ...(loaded.refRoots ? { refRoots: loaded.refRoots } : {}),
      onProgress: options.onProgress ? (m) => options.onProgress!(`${target.name}: ${m}`) : undefined,
    });
    results.push({
      ...result,
      name: target.name,
      out: target.out,
      manifests: target.manifests,
      specSource,
      emit: target.emit,
      ...(target.emitterOptions ? { emitterOptions: target.emitterOptions } : {}),
      place: target.place,
      configDir: loaded.dir,
    });
    all.push(...result.diagnostics);
  }
  const changed = results.flatMap((r) => r.changed.map((p) => join(r.out, p)));
  let exitCode = Math.max(...results.map((r) => r.exitCode)) as 0 | 1 | 2;
  if ((options.mode ?? 'write') === 'write' && exitCode === 0 && loaded.config.hooks) {
    const written = changed.filter((p) => !p.endsWith(INDEX_PATH) && existsSync(p));
    const hookProblems = runHooks(loaded.config.hooks, written, loaded.dir);
    all.push(...hookProblems);
    if (hasErrors(hookProblems)) exitCode = 1;
  }
  const inputFiles = [...new Set([...(configFile ? [configFile] : []), ...results.flatMap((r) => r.inputFiles)])].sort();
  return { targets: results, diagnostics: all, exitCode, changed, ...(configFile ? { configFile } : {}), inputFiles };
}

function failed(diagnostics: Diagnostic[], exitCode: 1 | 2): BuildResult {
  return { targets: [], diagnostics, exitCode, changed: [], inputFiles: [] };
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const commands = (c: string | string[] | undefined): string[] => (c === undefined ? [] : Array.isArray(c) ? c : [c]);

/**
 * Runs the user's hook commands (in the config's folder, through the shell):
 * `afterOneFileWrite` once per written file, `afterAllFileWrite` once with
 * every written file. Nothing runs when no file changed. A failing command is
 * an error showing its output.
 */
export function runHooks(hooks: HooksConfig, written: string[], cwd: string): Diagnostic[] {
  if (written.length === 0) return [];
  // Loaded only when a hook runs: a no-op build should cost little more than starting Node.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const runs: string[] = [
    ...commands(hooks.afterOneFileWrite).flatMap((c) => written.map((f) => `${c} ${quote(f)}`)),
    ...commands(hooks.afterAllFileWrite).map((c) => `${c} ${written.map(quote).join(' ')}`),
  ];
  for (const command of runs) {
    const r = spawnSync(command, { cwd, shell: true, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (r.status !== 0) {
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
      return [{
        code: 'hooks/failed',
        severity: 'error',
        message: `Hook failed (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`}): ${command.length > 200 ? command.slice(0, 200) + '…' : command}${output ? `\n${output}` : ''}`,
        hint: 'The generated files were written; fix the hook command in the config (hooks) and run again.',
      }];
    }
  }
  return [];
}
