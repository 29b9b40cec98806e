/**
 * Prints diagnostics in the chosen format and maps failures to exit codes.
 * Every error a user can cause ends here as a message with a location, never
 * as a stack trace.
 */
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson } from '../diagnostics/format-json.js';
import { formatText } from '../diagnostics/format-text.js';
import type { CliIo } from './io.js';

export type ReportFormat = 'text' | 'json';

export function printDiagnostics(
  io: CliIo,
  diagnostics: Diagnostic[],
  format: ReportFormat,
  sources?: ReadonlyMap<string, string>,
  options: { summary?: boolean } = {},
): void {
  if (format === 'json') {
    io.out(formatJson(diagnostics));
    return;
  }
  if (diagnostics.length === 0 && options.summary === false) return;
  io.err(formatText(diagnostics, { sources, summary: options.summary }));
}

/** Turns anything thrown by a command into output and an exit code. */
export function reportFailure(io: CliIo, err: unknown, format: ReportFormat): number {
  if (err instanceof McpgenError) {
    printDiagnostics(io, err.diagnostics, format, undefined, { summary: false });
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`mcpgen: internal error: ${message}\n`);
  if (process.env.MCPGEN_DEBUG && err instanceof Error && err.stack) io.err(err.stack + '\n');
  else io.err('This is a bug in mcpgen. Set MCPGEN_DEBUG=1 for details and please report it.\n');
  return 70;
}
