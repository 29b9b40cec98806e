/**
 * Runs `mcpgen generate`: every target of the config (or one ad-hoc target
 * with --out), then reports per target what changed. `--watch` hands over to
 * watch-run.ts; `--typecheck` then typechecks each written package.
 */
import { build, type BuildResult } from '../../build.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import type { OutputMode } from '../../generate.js';
import { latestRevision } from '../../config/resolve-targets.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import { maxInputBytes } from './common-options.js';
import type { GenerateArgs } from './generate-command.js';
import { describePlan, planJson } from './describe-plan.js';

export async function runGenerate(args: GenerateArgs, io: CliIo): Promise<number> {
  if (args.watch) {
    const { runWatch } = await import('./watch-run.js');
    return runWatch(args, io);
  }
  try {
    if (args.diff && modeOf(args) !== 'check') {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: '--diff works with --check only.', hint: 'Run: mcpgen generate ... --check --diff' });
    }
    const result = await buildOnce(args, io);
    if (args.typecheck) await typecheckTargets(result, args, io);
    return await report(result, args, io);
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}

export function modeOf(args: GenerateArgs): OutputMode {
  return args.check ? 'check' : args['dry-run'] ? 'dry-run' : 'write';
}

export async function buildOnce(args: GenerateArgs, io: CliIo): Promise<BuildResult> {
  if (args.revision === 'latest' && args.format === 'text') io.err(`mcpgen: --revision latest is ${latestRevision()}\n`);
  const inputLimit = maxInputBytes(args);
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
    ...(args['follow-out-link'] !== undefined ? { followOutLink: args['follow-out-link'] } : {}),
    ...(inputLimit !== undefined ? { maxInputBytes: inputLimit } : {}),
    // Watch keeps what it needs in memory between runs.
    ...(args.watch ? { noopStamp: false } : {}),
    specDir: args['spec-dir'],
    ...(args['allow-unpinned'] !== undefined ? { allowUnpinned: args['allow-unpinned'] } : {}),
    onProgress: io.interactive && args.format === 'text' && !args.watch ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
  });
}

/**
 * `--typecheck`: after a clean write, typechecks each target's package with
 * the user's handlers; its errors join the run's diagnostics and set exit 1
 * (2 when the package's dependencies are not installed).
 */
async function typecheckTargets(result: BuildResult, args: GenerateArgs, io: CliIo): Promise<void> {
  if (result.exitCode !== 0 || modeOf(args) !== 'write') return;
  // Loaded only here: TypeScript (through ts-morph) is the heaviest thing mcpgen can load.
  const { checkPackage } = await import('../../typecheck/check-package.js');
  const { serverPackageDir } = await import('../../typecheck/server-package-dir.js');
  for (const target of result.targets) {
    const out = await serverPackageDir(target, target.configDir);
    if (out === undefined) continue;
    const checked = await checkPackage({ manifests: target.manifests, out, ...(target.revision !== undefined ? { revision: target.revision } : {}), ...target.specSource });
    result.diagnostics.push(...checked.diagnostics);
    result.exitCode = Math.max(result.exitCode, checked.exitCode) as 0 | 1 | 2;
    if (checked.exitCode === 0 && args.format === 'text') io.err(`mcpgen: ${target.name} compiles (${checked.filesChecked} files typechecked).\n`);
  }
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
  if (mode === 'check' && args.diff) {
    const { staleDiffs } = await import('./stale-diffs.js');
    for (const t of result.targets) io.out(staleDiffs(t.plan));
  }
  for (const t of result.targets) {
    if (t.plan.length) io.out(describePlan(t.plan, mode, args.out ?? t.name).replace(/\n$/, t.cached ? ', inputs unchanged\n' : '\n'));
  }
  return result.exitCode;
}
