/** Runs `mcpgen lint` (or `--explain`) and prints findings. */
import { countBySeverity, McpgenError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { lintConfig } from '../../lint/lint-config.js';
import { packageVersion } from '../../package-root.js';
import { maxInputBytes } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { LintArgs } from './lint-command.js';

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  if (args.explain !== undefined) return runExplain(args.explain, args.format, io);
  if (args.format === 'md') return usage(io, '--format md is only available with --explain.');
  try {
    if (args.revision === 'latest' && args.format === 'text') {
      const { latestRevision } = await import('../../config/resolve-targets.js');
      io.err(`mcpgen: --revision latest is ${latestRevision()}\n`);
    }
    const result = await lintConfig({
      ...(args.config !== undefined ? { config: args.config } : {}),
      ...(args.files?.length ? { files: args.files } : {}),
      ...(args.revision !== undefined ? { revision: args.revision } : {}),
      profile: args.profile,
      maxInputBytes: maxInputBytes(args),
      ...(args.offline !== undefined ? { offline: args.offline } : {}),
      specDir: args['spec-dir'],
      ...(args['allow-unpinned'] !== undefined ? { allowUnpinned: args['allow-unpinned'] } : {}),
    });
    if (result.exitCode === 2 && result.runs.length === 0 && result.diagnostics.every((d) => d.code === 'usage/invalid')) {
      return usage(io, 'Name at least one manifest file (or add targets to a config), or use --explain CODE.');
    }
    if (result.exitCode === 2 && result.runs.length === 0) throw new McpgenError(result.diagnostics);
    await print(io, result.diagnostics, args.format, result.sources);
    if (result.exitCode !== 0) return result.exitCode;
    const max = args['max-warnings'];
    if (max !== undefined && max >= 0 && countBySeverity(result.diagnostics).warning > max) return 1;
    return 0;
  } catch (err) {
    if (args.format === 'sarif' && err instanceof McpgenError) {
      await print(io, err.diagnostics, 'sarif');
      return err.exitCode;
    }
    return reportFailure(io, err, args.format === 'json' ? 'json' : 'text');
  }
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
