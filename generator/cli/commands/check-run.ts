/** Runs `mcpgen check` (and the typecheck step of `generate --typecheck`). */
import { loadConfig } from '../../config/load-config.js';
import { McpgenError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { packageVersion } from '../../package-root.js';
import { checkPackage } from '../../typecheck/check-package.js';
import { specSource, type SpecArgs } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { CheckArgs } from './check-command.js';

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  try {
    const config = loadConfig(args.config);
    const manifests = args.manifest?.length ? args.manifest : config.manifests;
    const out = args.out ?? config.out;
    if (!manifests?.length || !out) {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: 'check needs --manifest FILE and --out DIR (or both in mcpgen.config.json).' });
    }
    return await typecheckAndReport({ manifests, out, revision: args.revision ?? config.revision, args, format: args.format }, io);
  } catch (err) {
    return reportFailure(io, err, args.format === 'text' ? 'text' : 'json');
  }
}

/** Shared with generate --typecheck. */
export async function typecheckAndReport(
  options: { manifests: string[]; out: string; revision?: string; args: SpecArgs; format: 'text' | 'json' | 'sarif' },
  io: CliIo,
): Promise<number> {
  const config = loadConfig(options.args.config);
  const result = await checkPackage({ manifests: options.manifests, out: options.out, revision: options.revision, ...specSource(options.args, config) });
  await print(io, result.diagnostics, options.format, result.sources);
  if (options.format === 'text' && result.exitCode === 0) io.err(`mcpgen: ${options.out} compiles (${result.filesChecked} files typechecked).\n`);
  return result.exitCode;
}

async function print(io: CliIo, diagnostics: Diagnostic[], format: 'text' | 'json' | 'sarif', sources: Map<string, string>): Promise<void> {
  if (format !== 'sarif') {
    printDiagnostics(io, diagnostics, format, sources, { summary: diagnostics.length > 0 });
    return;
  }
  const [{ formatSarif }, { fullCatalog }] = await Promise.all([import('../../diagnostics/format-sarif.js'), import('../../lint/explain.js')]);
  io.out(formatSarif(diagnostics, { catalog: fullCatalog(), toolVersion: packageVersion() }));
}
