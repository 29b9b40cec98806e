/** Runs `mcpgen check`: typechecks the server package of every target (or of --out) with the user's handlers. */
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { resolveTargets } from '../../config/resolve-targets.js';
import { McpgenError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { packageVersion } from '../../package-root.js';
import { checkPackage } from '../../typecheck/check-package.js';
import { serverPackageDir } from '../../typecheck/server-package-dir.js';
import { specSource, type SpecArgs } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { CheckArgs } from './check-command.js';

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const { targets, diagnostics } = resolveTargets(config, {
      ...(args.manifest?.length ? { manifests: args.manifest } : {}),
      ...(args.out !== undefined ? { out: args.out, emit: ['server'] } : {}),
      ...(args.revision !== undefined ? { revision: args.revision } : {}),
    });
    if (diagnostics.length) throw new McpgenError(diagnostics);
    let exitCode = 0;
    let checked = 0;
    for (const target of targets) {
      const out = await serverPackageDir(target, config.dir);
      if (out === undefined) continue;
      checked++;
      const code = await typecheckAndReport({ manifests: target.manifests, out, ...(target.revision !== undefined ? { revision: target.revision } : {}), args, config, format: args.format }, io);
      exitCode = Math.max(exitCode, code);
    }
    if (checked === 0) {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: 'check needs a server package: --manifest FILE and --out DIR, or a config target that emits server.' });
    }
    return exitCode;
  } catch (err) {
    return reportFailure(io, err, args.format === 'text' ? 'text' : 'json');
  }
}

/** Typechecks one server package and prints its findings. */
export async function typecheckAndReport(
  options: { manifests: string[]; out: string; revision?: string; args: SpecArgs; config: LoadedConfig; format: 'text' | 'json' | 'sarif' },
  io: CliIo,
): Promise<number> {
  const result = await checkPackage({ manifests: options.manifests, out: options.out, ...(options.revision !== undefined ? { revision: options.revision } : {}), ...specSource(options.args, options.config) });
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
