/**
 * Lint driven by the config: every target's manifests at each of its
 * revisions (each distinct pair once), or the given files. Shared by
 * `mcpgen lint` and the library's `lint({ config })`.
 */
import { McpgenError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { McpgenConfig } from '../config/config-types.js';
import { configFromObject, loadConfig, type LoadedConfig } from '../config/load-config.js';
import { latestRevision, resolveTargets } from '../config/resolve-targets.js';
import type { LintProfile } from './rule.js';
import type { SpecSourceOptions } from '../spec/spec-dirs.js';
import { prepareOnFirstUse } from '../pipeline/prepare-on-first-use.js';

export interface LintConfigOptions extends SpecSourceOptions {
  /** A config object or a config file path; default: the config file found in `cwd`. */
  config?: McpgenConfig | string;
  /** Lint these files instead of the targets' manifests. */
  files?: string[];
  /** Lint at this revision only (`latest` allowed). */
  revision?: string;
  profile?: LintProfile;
  cwd?: string;
  /** Never download a missing spec revision. */
  offline?: boolean;
  /** Largest manifest or $ref file read, in bytes (`--max-input-size`). */
  maxInputBytes?: number;
}

export interface LintConfigResult {
  diagnostics: Diagnostic[];
  /** File texts by display path, for code frames. */
  sources: Map<string, string>;
  /** Each (manifests, revision) linted. */
  runs: { manifests: string[]; revision?: string }[];
  /** 0 clean (warnings allowed); 1 lint errors; 2 unusable input (config, manifest, spec). */
  exitCode: 0 | 1 | 2;
}

/** What to lint; undefined when there is nothing (no files and no config targets). */
export function lintRuns(config: LoadedConfig, options: { files?: string[]; revision?: string; cwd?: string }): { manifests: string[]; revision?: string }[] | undefined {
  const latest = (r: string) => (r === 'latest' ? latestRevision() : r);
  const revision = options.revision !== undefined ? latest(options.revision) : undefined;
  if (options.files?.length) {
    const revisions = revision ? [revision] : config.revision === undefined ? [undefined] : (Array.isArray(config.revision) ? config.revision : [config.revision]).map(latest);
    return revisions.map((r) => ({ manifests: options.files!, ...(r ? { revision: r } : {}) }));
  }
  if (!config.raw) return undefined;
  const { targets, diagnostics } = resolveTargets(config, revision ? { revision } : {}, options.cwd);
  if (diagnostics.length) throw new McpgenError(diagnostics);
  if (!targets.length) return undefined;
  const seen = new Map<string, { manifests: string[]; revision?: string }>();
  for (const t of targets) seen.set(JSON.stringify([t.manifests, t.revision]), { manifests: t.manifests, ...(t.revision ? { revision: t.revision } : {}) });
  return [...seen.values()];
}

/** Never throws for user errors: they are in `diagnostics` with `exitCode` 2. */
export async function lintConfig(options: LintConfigOptions = {}): Promise<LintConfigResult> {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let runs: LintConfigResult['runs'] = [];
  let inputError = false;
  try {
    const config = typeof options.config === 'object' ? configFromObject(options.config, cwd) : await loadConfig(options.config, cwd);
    const found = lintRuns(config, { files: options.files, revision: options.revision, cwd });
    if (!found) {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: 'Nothing to lint: name manifest files, or add targets to a config.' });
    }
    runs = found;
    for (const run of runs) {
      const { prepared, notes } = await prepareOnFirstUse({
        diagnosticsOnly: true,
        manifests: run.manifests,
        ...(run.revision ? { revision: run.revision } : {}),
        cwd,
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.maxInputBytes !== undefined ? { maxInputBytes: options.maxInputBytes } : {}),
        ...(config.refRoots ? { refRoots: config.refRoots } : {}),
        specDir: options.specDir,
        configSpecDir: options.configSpecDir ?? config.specDir,
        allowUnpinned: options.allowUnpinned ?? config.allowUnpinned,
        offline: options.offline ?? config.offline ?? false,
        ...(options.env ? { env: options.env } : {}),
      });
      diagnostics.push(...notes, ...prepared.diagnostics);
      for (const [k, v] of prepared.loaded.sources) sources.set(k, v);
      inputError ||= prepared.inputError;
    }
  } catch (err) {
    if (!(err instanceof McpgenError)) throw err;
    return { diagnostics: [...diagnostics, ...err.diagnostics], sources, runs, exitCode: err.exitCode === 1 ? 1 : 2 };
  }
  const unique = dedupe(diagnostics);
  return { diagnostics: unique, sources, runs, exitCode: inputError ? 2 : hasErrors(unique) ? 1 : 0 };
}

/** The same finding from two targets sharing a manifest and revision is shown once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.message, d.location]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
