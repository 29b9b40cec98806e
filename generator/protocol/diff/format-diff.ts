/** Renders a RevisionDiff as readable Markdown, grouped by kind of change. */
import type { DefinitionChange, RevisionDiff } from './diff-revisions.js';

const c = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function describeChange(d: DefinitionChange): string[] {
  const lines: string[] = [];
  if (d.type) lines.push(`- type: ${c(d.type.from)} → ${c(d.type.to)}`);
  for (const p of d.propertiesAdded) lines.push(`- added ${c(p.name)}: ${c(p.type)}${p.required ? ' (required)' : ''}`);
  for (const p of d.propertiesRemoved) lines.push(`- removed ${c(p.name)}: ${c(p.type)}`);
  for (const p of d.madeRequired) lines.push(`- ${c(p)} is now required`);
  for (const p of d.madeOptional) lines.push(`- ${c(p)} is now optional`);
  for (const t of d.typeChanged) lines.push(`- ${c(t.name)}: ${c(t.from)} → ${c(t.to)}`);
  return lines;
}

export function formatDiffMarkdown(diff: RevisionDiff): string {
  const out: string[] = [`# MCP schema changes from ${diff.from} to ${diff.to}`, ''];
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  if (total === 0) return out.concat('No differences in definitions.', '').join('\n');
  out.push(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`, '');
  if (diff.added.length) out.push(`## Added definitions (${diff.added.length})`, '', ...diff.added.map((n) => `- ${c(n)}`), '');
  if (diff.removed.length) out.push(`## Removed definitions (${diff.removed.length})`, '', ...diff.removed.map((n) => `- ${c(n)}`), '');
  if (diff.changed.length) {
    out.push(`## Changed definitions (${diff.changed.length})`, '');
    for (const d of diff.changed) out.push(`### ${d.name}`, '', ...describeChange(d), '');
  }
  return out.join('\n');
}
