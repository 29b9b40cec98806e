/** Runs `mcpgen diff FROM TO`. Exit 0 whether or not the revisions differ: a diff is a report, not a finding. */
import { loadConfig } from '../../config/load-config.js';
import { diffRevisions, formatDiffMarkdown } from '../../protocol/diff/diff-specs.js';
import { specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { reportFailure } from '../report.js';
import type { DiffArgs } from './diff-command.js';

export async function runDiff(args: DiffArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const diff = diffRevisions(args.from, args.to, {
      ...specSource(args, config),
    });
    io.out(args.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffMarkdown(diff));
    return 0;
  } catch (err) {
    return reportFailure(io, err, args.format === 'json' ? 'json' : 'text');
  }
}
