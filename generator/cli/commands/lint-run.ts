/** Runs `mcpgen lint` (or `--explain`) and prints findings. */
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { countBySeverity, hasErrors, McpgenError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { lint } from '../../lint/lint.js';
import { packageVersion } from '../../package-root.js';
import { specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { LintArgs } from './lint-command.js';

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  if (args.explain !== undefined) return runExplain(args.explain, args.format, io);
  if (args.format === 'md') return usage(io, '--format md is only available with --explain.');
  try {
    const config = await loadConfig(args.config);
    const runs = await lintRuns(args, config);
    if (!runs) return usage(io, 'Name at least one manifest file (or add targets to a config), or use --explain CODE.');
    const diagnostics: Diagnostic[] = [];
    const sources = new Map<string, string>();
    let inputError = false;
    for (const run of runs) {
      const result = lint({ manifests: run.manifests, revision: run.revision, profile: args.profile, ...specSource(args, config) });
      diagnostics.push(...result.diagnostics);
      for (const [k, v] of result.sources) sources.set(k, v);
      inputError ||= result.inputError;
    }
    await print(io, dedupe(diagnostics), args.format, sources);
    if (inputError) return 2;
    if (hasErrors(diagnostics)) return 1;
    const max = args['max-warnings'];
    if (max !== undefined && max >= 0 && countBySeverity(dedupe(diagnostics)).warning > max) return 1;
    return 0;
  } catch (err) {
    if (args.format === 'sarif' && err instanceof McpgenError) {
      await print(io, err.diagnostics, 'sarif');
      return err.exitCode;
    }
    return reportFailure(io, err, args.format === 'json' ? 'json' : 'text');
  }
}

/**
 * What to lint: the files given (at --revision, else the config's revision),
 * else every target of the config at each of its revisions, each distinct
 * (manifests, revision) pair once. Undefined when there is nothing to lint.
 */
async function lintRuns(args: LintArgs, config: LoadedConfig): Promise<{ manifests: string[]; revision?: string }[] | undefined> {
  const { latestRevision, resolveTargets } = await import('../../config/resolve-targets.js');
  const revision = args.revision === 'latest' ? latestRevision() : args.revision;
  if (args.files?.length) {
    const fromConfig = typeof config.revision === 'string' ? (config.revision === 'latest' ? latestRevision() : config.revision) : undefined;
    const revisions = revision ? [revision] : Array.isArray(config.revision) ? config.revision.map((r) => (r === 'latest' ? latestRevision() : r)) : [fromConfig];
    return revisions.map((r) => ({ manifests: args.files!, ...(r ? { revision: r } : {}) }));
  }
  if (!config.raw) return undefined;
  const { targets, diagnostics } = resolveTargets(config, revision ? { revision } : {});
  if (diagnostics.length) throw new McpgenError(diagnostics);
  if (!targets.length) return undefined;
  const seen = new Map<string, { manifests: string[]; revision?: string }>();
  for (const t of targets) seen.set(JSON.stringify([t.manifests, t.revision]), { manifests: t.manifests, ...(t.revision ? { revision: t.revision } : {}) });
  return [...seen.values()];
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

async function print(io: CliIo, diagnostics: Diagnostic[], format: LintArgs['format'], sources?: ReadonlyMap<string, string>): Promise<void> {
  if (format !== 'sarif') {
    printDiagnostics(io, diagnostics, format === 'json' ? 'json' : 'text', sources);
    return;
  }
  const [{ formatSarif }, { fullCatalog }] = await Promise.all([
    import('../../diagnostics/format-sarif.js'),
    import('../../lint/explain.js'),
  ]);
  io.out(formatSarif(diagnostics, { catalog: fullCatalog(), toolVersion: packageVersion() }));
}

async function runExplain(code: string, format: LintArgs['format'], io: CliIo): Promise<number> {
  const { explainCode, fullCatalog, renderRulesMarkdown, suggestCodes } = await import('../../lint/explain.js');
  if (code === 'all') {
    if (format === 'md') io.out(renderRulesMarkdown());
    else if (format === 'json') io.out(JSON.stringify(fullCatalog(), null, 2) + '\n');
    else io.out(Object.keys(fullCatalog()).map((c) => explainCode(c)).join('\n'));
    return 0;
  }
  const text = explainCode(code);
  if (text === undefined) {
    const near = suggestCodes(code);
    io.err(`mcpgen: unknown code "${code}".${near.length ? ` Did you mean ${near.map((c) => `"${c}"`).join(', ')}?` : ''}\nRun \`mcpgen lint --explain all\` to list every code.\n`);
    return 2;
  }
  if (format === 'json') io.out(JSON.stringify({ code, ...fullCatalog()[code] }, null, 2) + '\n');
  else io.out(text);
  return 0;
}

function usage(io: CliIo, message: string): number {
  io.err(`mcpgen: ${message}\nRun \`mcpgen lint --help\` for usage.\n`);
  return 2;
}
