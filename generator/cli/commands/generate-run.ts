/** Runs `mcpgen generate` and reports what changed. */
import { loadConfig } from '../../config/load-config.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { generate, type OutputMode } from '../../generate.js';
import { maxInputBytes, specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { GenerateArgs } from './generate-command.js';
import { describePlan, planJson } from './describe-plan.js';

export async function runGenerate(args: GenerateArgs, io: CliIo): Promise<number> {
  try {
    const config = loadConfig(args.config);
    const manifests = args.manifest?.length ? args.manifest : config.manifests;
    const out = args.out ?? config.out;
    if (!manifests?.length || !out) {
      throw new McpgenError({
        code: 'usage/invalid',
        severity: 'error',
        message: `generate needs ${!manifests?.length ? '--manifest FILE' : ''}${!manifests?.length && !out ? ' and ' : ''}${!out ? '--out DIR' : ''}.`,
        hint: 'Example: mcpgen generate --manifest mcp.yaml --out generated (or set them in mcpgen.config.json).',
      });
    }
    const mode: OutputMode = args.check ? 'check' : args['dry-run'] ? 'dry-run' : 'write';
    if (args.diff && mode !== 'check') {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: '--diff works with --check only.', hint: 'Run: mcpgen generate ... --check --diff' });
    }
    const result = await generate({
      manifests,
      out,
      revision: args.revision ?? config.revision,
      emit: args.emit?.length ? args.emit : (config.emit ?? ['manifest']),
      mode,
      followOutLink: args['follow-out-link'],
      maxInputBytes: maxInputBytes(args),
      ...specSource(args, config),
      onProgress: io.interactive && args.format === 'text' ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
    });
    let exitCode: number = result.exitCode;
    if (args.typecheck && result.exitCode === 0 && mode === 'write') {
      // Loaded only here: TypeScript (through ts-morph) is the heaviest thing mcpgen can load.
      const { checkPackage } = await import('../../typecheck/check-package.js');
      const checked = await checkPackage({ manifests, out, revision: args.revision ?? config.revision, ...specSource(args, config) });
      result.diagnostics.push(...checked.diagnostics);
      exitCode = checked.exitCode;
      if (exitCode === 0 && args.format === 'text') io.err(`mcpgen: ${out} compiles (${checked.filesChecked} files typechecked).\n`);
    }
    if (args.format === 'json') {
      const { toJsonReport } = await import('../../diagnostics/format-json.js');
      io.out(JSON.stringify({ ...toJsonReport(result.diagnostics), mode, revision: result.revision, files: planJson(result.plan) }, null, 2) + '\n');
      return exitCode;
    }
    if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text', result.sources);
    if (mode === 'check' && args.diff) {
      const { staleDiffs } = await import('./stale-diffs.js');
      io.out(staleDiffs(result.plan));
    }
    if (result.plan.length) io.out(describePlan(result.plan, mode, out));
    return exitCode;
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}
