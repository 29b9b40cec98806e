/** `mcpgen diff FROM TO --manifest FILE`: the revision diff, kept to what the manifest uses. */
import { loadManifestOrThrow } from '../../load/load-manifest.js';
import { formatDiffMarkdown, type RevisionDiff } from '../../protocol/diff/diff-specs.js';
import type { CliIo } from '../io.js';
import type { DiffArgs } from './diff-command.js';

export function runImpactDiff(args: DiffArgs, diff: RevisionDiff, io: CliIo): number {
  loadManifestOrThrow(args.manifest!);
  io.out(args.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffMarkdown(diff));
  return 0;
}
