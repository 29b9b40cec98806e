/** Runs `mcpgen lint` and prints findings. */
import { loadConfig } from '../../config/load-config.js';
import { countBySeverity, hasErrors } from '../../diagnostics/diagnostic.js';
import { lint } from '../../lint/lint.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { LintArgs } from './lint-command.js';

export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  try {
    const config = loadConfig(args.config);
    const result = lint({
      manifests: args.files ?? [],
      revision: args.revision ?? config.revision,
      profile: args.profile,
      specDir: args['spec-dir'],
      configSpecDir: config.specDir,
      allowUnpinned: args['allow-unpinned'] ?? config.allowUnpinned,
    });
    printDiagnostics(io, result.diagnostics, args.format, result.sources);
    if (result.inputError) return 2;
    if (hasErrors(result.diagnostics)) return 1;
    const max = args['max-warnings'];
    if (max !== undefined && max >= 0 && countBySeverity(result.diagnostics).warning > max) return 1;
    return 0;
  } catch (err) {
    return reportFailure(io, err, args.format);
  }
}
