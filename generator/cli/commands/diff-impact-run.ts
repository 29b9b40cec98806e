/** `mcpgen diff FROM TO --manifest FILE`: the revision diff, kept to what the manifest uses. */
import type { SourceLocation } from '../../diagnostics/diagnostic.js';
import { loadManifestOrThrow } from '../../load/load-manifest.js';
import { formatDiffMarkdown, type RevisionDiff } from '../../protocol/diff/diff-specs.js';
import { impactDiff, usedDefinitions } from '../../protocol/diff/impact-diff.js';
import { loadSpec } from '../../spec/load-spec.js';
import type { SpecSourceOptions } from '../../spec/spec-dirs.js';
import type { CliIo } from '../io.js';
import type { DiffArgs } from './diff-command.js';

const at = (l?: SourceLocation) => (l ? `${l.file}:${l.line}:${l.column}` : '');

export function runImpactDiff(args: DiffArgs, diff: RevisionDiff, specOptions: SpecSourceOptions, io: CliIo): number {
  const loaded = loadManifestOrThrow(args.manifest!);
  const file = loaded.files[0]!;
  const before = usedDefinitions(loaded.manifest, loadSpec(diff.from, specOptions).definitions);
  const after = usedDefinitions(loaded.manifest, loadSpec(diff.to, specOptions).definitions);
  const impact = impactDiff(diff, loaded.manifest, before, after);
  const affected = impact.affected.map((a) => ({ ...a, location: loaded.sourceMap.locate(a.pointer, { key: true }) ?? null }));
  if (args.format === 'json') {
    io.out(JSON.stringify({ ...impact, manifest: file, affected }, null, 2) + '\n');
    return 0;
  }
  const { filteredFrom: f } = impact;
  const md = formatDiffMarkdown(impact).replace(
    /^# MCP schema changes from (\S+) to (\S+)\n/,
    `# MCP schema changes from $1 to $2 that concern \`${file}\`\n\n` +
      `Kept ${impact.added.length + impact.removed.length + impact.changed.length} of ${f.added + f.removed + f.changed} changed definitions: the ones this manifest's server exchanges.\n`,
  );
  const lines = [md.trimEnd(), ''];
  if (affected.length) {
    lines.push(`## Items in ${file} that hold a changed field (${affected.length})`, '');
    for (const a of affected) {
      const what = a.change === 'removed' ? 'is removed' : a.change === 'made-required' ? 'becomes required and is missing' : 'changes type';
      lines.push(`- ${a.label}: \`${a.definition}.${a.field}\` ${what}${a.location ? ` (${at(a.location)})` : ''}`);
    }
    lines.push('', `Run \`mcpgen migrate ${file} --to ${diff.to}\` for what to do about each.`, '');
  }
  io.out(lines.join('\n'));
  return 0;
}
