/** Runs `mcpgen spec list|pull|verify`. */
import { loadConfig } from '../../config/load-config.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { pullSpecs } from '../../spec/pull-spec.js';
import { specStatus, verifySpecs } from '../../spec/spec-status.js';
import type { SpecSourceOptions } from '../../spec/spec-dirs.js';
import { specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { SpecCommandArgs } from './spec-command.js';

export async function runSpec(action: 'list' | 'pull' | 'verify', args: SpecCommandArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const source: SpecSourceOptions = specSource(args, config);
    if (action === 'list') return list(source, args, io);
    if (action === 'verify') return verify(source, args, io);
    return await pull(args, io);
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}

function list(source: SpecSourceOptions, args: SpecCommandArgs, io: CliIo): number {
  const rows = specStatus(source);
  if (args.format === 'json') {
    io.out(
      JSON.stringify(
        rows.map((r) => ({ revision: r.revision.id, status: r.revision.status, dialect: r.revision.dialect, path: r.path, origin: r.origin, sha256: r.sha256, pin: r.pin })),
        null,
        2,
      ) + '\n',
    );
  } else {
    const pinText = { match: 'pinned, matches', mismatch: 'HASH MISMATCH', unpinned: 'unpinned', missing: 'missing' } as const;
    for (const r of rows) {
      const where = r.path ? `${r.path} (${r.origin})` : `missing: run \`mcpgen spec pull ${r.revision.id}\``;
      io.out(`${r.revision.id.padEnd(11)} ${r.revision.status.padEnd(6)} ${r.revision.dialect.padEnd(9)} ${pinText[r.pin].padEnd(16)} ${where}\n`);
    }
  }
  return rows.some((r) => r.pin === 'mismatch') ? 2 : 0;
}

function verify(source: SpecSourceOptions, args: SpecCommandArgs, io: CliIo): number {
  const { checked, diagnostics } = verifySpecs(source);
  if (args.format === 'json') printDiagnostics(io, diagnostics, 'json');
  else if (diagnostics.length) printDiagnostics(io, diagnostics, 'text', undefined, { summary: false });
  if (args.format === 'text') io.out(`${checked} schema file${checked === 1 ? '' : 's'} checked, ${diagnostics.length} mismatching\n`);
  return diagnostics.length ? 2 : 0;
}

async function pull(args: SpecCommandArgs, io: CliIo): Promise<number> {
  const result = await pullSpecs({
    revisions: args.revisions,
    baseUrl: args['base-url'],
    timeoutMs: timeoutMs(args.timeout),
    onProgress: args.format === 'text' ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
  });
  if (args.format === 'json') io.out(JSON.stringify({ written: result.written, diagnostics: result.diagnostics }, null, 2) + '\n');
  else if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text', undefined, { summary: false });
  return result.diagnostics.length ? 2 : 0;
}

function timeoutMs(seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: `--timeout must be a positive number of seconds, not ${String(seconds)}.` });
  }
  return seconds * 1000;
}
