/**
 * Runs `mcpgen diff`: two revisions give the schema diff (optionally
 * filtered to one manifest), two manifests the breaking-change report. A
 * revision diff is a report, not a finding (exit 0); a manifest diff exits 1
 * only at the --fail-on level.
 */
import { loadConfig } from '../../config/load-config.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { diffRevisions, formatDiffMarkdown } from '../../protocol/diff/diff-specs.js';
import { isManifestArg } from '../../protocol/diff/manifest-side.js';
import { specSource } from './common-options.js';
import type { CliIo } from '../io.js';
import { reportFailure } from '../report.js';
import { headerArgs } from '../../import/header-args.js';
import type { DiffArgs } from './diff-command.js';

export async function runDiff(args: DiffArgs, io: CliIo): Promise<number> {
  const json = args.format === 'json' ? 'json' : 'text';
  try {
    const fromIsRevision = !isManifestArg(args.from);
    const toIsRevision = !isManifestArg(args.to);
    if (fromIsRevision !== toIsRevision) {
      throw new McpgenError({
        code: 'usage/invalid',
        severity: 'error',
        message: `Compare two revisions or two manifests, not one of each ("${args.from}", "${args.to}").`,
        hint: 'A manifest is a file path (or, with the import command, a server URL); a revision is an id such as 2025-11-25.',
      });
    }
    if (!fromIsRevision) {
      const { runManifestDiff } = await import('./diff-manifests-run.js');
      // A live server (URL) is imported with the official client, loaded only when asked for.
      const headers = headerArgs(args.header);
      const importer = async (url: string) => (await import('../../import/live-manifest.js')).importLiveManifest(url, headers);
      return await runManifestDiff(args, io, importer);
    }
    if (args['fail-on']) throw usage('--fail-on applies to two manifests, not to two revisions.');
    const config = await loadConfig(args.config);
    const specOptions = specSource(args, config);
    const diff = diffRevisions(args.from, args.to, specOptions);
    if (args.manifest) {
      const { runImpactDiff } = await import('./diff-impact-run.js');
      return runImpactDiff(args, diff, specOptions, io);
    }
    io.out(args.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffMarkdown(diff));
    return 0;
  } catch (err) {
    return reportFailure(io, err, json);
  }
}

function usage(message: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message });
}
