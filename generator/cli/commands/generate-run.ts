/**
 * Runs `mcpgen generate`: every target of the config (or one ad-hoc target
 * with --out), then reports per target what changed. `--watch` hands over to
 * watch-run.ts.
 */
import { build, type BuildResult } from '../../build.js';
import type { OutputMode } from '../../generate.js';
import { latestRevision } from '../../config/resolve-targets.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { GenerateArgs } from './generate-command.js';
import { describePlan, planJson } from './describe-plan.js';

export async function runGenerate(args: GenerateArgs, io: CliIo): Promise<number> {
  if (args.watch) {
    const { runWatch } = await import('./watch-run.js');
    return runWatch(args, io);
  }
  try {
    const result = await buildOnce(args, io);
    return report(result, args, io);
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}

export function modeOf(args: GenerateArgs): OutputMode {
  return args.check ? 'check' : args['dry-run'] ? 'dry-run' : 'write';
}

export async function buildOnce(args: GenerateArgs, io: CliIo): Promise<BuildResult> {
  if (args.revision === 'latest' && args.format === 'text') io.err(`mcpgen: --revision latest is ${latestRevision()}\n`);
  return build({
    ...(args.config !== undefined ? { config: args.config } : {}),
    mode: modeOf(args),
    overrides: {
      ...(args.manifest?.length ? { manifests: args.manifest } : {}),
      ...(args.revision !== undefined ? { revision: args.revision } : {}),
      ...(args.emit?.length ? { emit: args.emit } : {}),
      ...(args.out !== undefined ? { out: args.out } : {}),
      ...(args.target?.length ? { only: args.target } : {}),
    },
    force: args.force,
    ...(args.offline !== undefined ? { offline: args.offline } : {}),
    specDir: args['spec-dir'],
    ...(args['allow-unpinned'] !== undefined ? { allowUnpinned: args['allow-unpinned'] } : {}),
    onProgress: io.interactive && args.format === 'text' && !args.watch ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
  });
}

/** Prints a build's diagnostics and per-target plans; returns its exit code. */
export async function report(result: BuildResult, args: GenerateArgs, io: CliIo): Promise<number> {
  const mode = modeOf(args);
  if (args.format === 'json') {
    const { toJsonReport } = await import('../../diagnostics/format-json.js');
    const targets = result.targets.map((t) => ({ name: t.name, out: t.out, revision: t.revision, cached: t.cached, files: planJson(t.plan) }));
    const single = result.targets.length === 1 ? { revision: targets[0]!.revision, files: targets[0]!.files } : {};
    io.out(JSON.stringify({ ...toJsonReport(result.diagnostics), mode, ...single, targets }, null, 2) + '\n');
    return result.exitCode;
  }
  const sources = new Map(result.targets.flatMap((t) => [...t.sources]));
  if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text', sources);
  for (const t of result.targets) {
    if (t.plan.length) io.out(describePlan(t.plan, mode, args.out ?? t.name).replace(/\n$/, t.cached ? ', inputs unchanged\n' : '\n'));
  }
  return result.exitCode;
}
