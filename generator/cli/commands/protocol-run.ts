/** Runs `mcpgen protocol` and reports what changed. */
import { loadConfig } from '../../config/load-config.js';
import { defaultRevision } from '../../spec/revisions.js';
import type { OutputMode } from '../../output/emit-output.js';
import { specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { ProtocolArgs } from './protocol-command.js';
import { describePlan, planJson } from './describe-plan.js';

export async function runProtocol(args: ProtocolArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const { emitProtocol } = await import('../../protocol/emit-protocol.js');
    const mode: OutputMode = args.check ? 'check' : args['dry-run'] ? 'dry-run' : 'write';
    const out = args.out!;
    const result = await emitProtocol({
      revision: args.revision ?? (typeof config.revision === 'string' ? config.revision : undefined) ?? defaultRevision(),
      out,
      emit: args.emit,
      mode,
      ...specSource(args, config),
      onProgress: io.interactive && args.format === 'text' ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
    });
    if (args.format === 'json') {
      const { toJsonReport } = await import('../../diagnostics/format-json.js');
      io.out(JSON.stringify({ ...toJsonReport(result.diagnostics), mode, revision: result.revision, files: planJson(result.plan) }, null, 2) + '\n');
      return result.exitCode;
    }
    if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text');
    io.out(describePlan(result.plan, mode, out));
    return result.exitCode;
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}
