/**
 * Renders a manifest diff for people (text, Markdown) and tools (JSON). The
 * CLI adds `file:line:col` for each side of a change before rendering.
 */
import type { SourceLocation } from '../../diagnostics/diagnostic.js';
import type { ManifestChange, ManifestDiff } from './manifest-diff.js';

export interface LocatedChange extends ManifestChange {
  oldLocation?: SourceLocation;
  newLocation?: SourceLocation;
}

export interface LocatedManifestDiff extends Omit<ManifestDiff, 'changes'> {
  old: string;
  new: string;
  changes: LocatedChange[];
}

const LABEL = { breaking: 'BREAKING', compatible: 'compatible', patch: 'patch' } as const;
const ORDER = { breaking: 0, compatible: 1, patch: 2 } as const;

const at = (l?: SourceLocation) => (l ? `${l.file}:${l.line}:${l.column}` : '');

function sorted(changes: LocatedChange[]): LocatedChange[] {
  return [...changes].sort((a, b) => ORDER[a.compat] - ORDER[b.compat]);
}

function verdict(d: LocatedManifestDiff): string {
  const { breaking, compatible, patch } = d.summary;
  const counts = `${breaking} breaking, ${compatible} compatible, ${patch} patch`;
  if (d.recommendation === 'none') return 'No changes a client can see.';
  return `${counts}. Recommended version bump: ${d.recommendation}${d.suggestedVersion ? ` (${d.suggestedVersion})` : ''}.`;
}

export function formatManifestDiffText(d: LocatedManifestDiff): string {
  const lines = [`Changes from ${d.old} to ${d.new}, as clients see them:`, ''];
  for (const c of sorted(d.changes)) {
    const where = at(c.newLocation ?? c.oldLocation);
    lines.push(`${LABEL[c.compat].padEnd(10)}  ${c.item}: ${c.message}${where ? `  (${where})` : ''}`);
  }
  if (d.changes.length) lines.push('');
  lines.push(verdict(d), '');
  return lines.join('\n');
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

export function formatManifestDiffMarkdown(d: LocatedManifestDiff): string {
  const out = [`# Manifest changes: ${code(d.old)} → ${code(d.new)}`, '', `**${verdict(d)}**`, ''];
  for (const compat of ['breaking', 'compatible', 'patch'] as const) {
    const list = d.changes.filter((c) => c.compat === compat);
    if (!list.length) continue;
    out.push(`## ${compat === 'breaking' ? 'Breaking' : compat === 'compatible' ? 'Compatible' : 'Patch'} (${list.length})`, '', '| item | change | where |', '|---|---|---|');
    for (const c of list) out.push(`| ${cell(c.item)} | ${cell(c.message)} | ${cell(at(c.newLocation ?? c.oldLocation))} |`);
    out.push('');
  }
  return out.join('\n');
}

export function formatManifestDiffJson(d: LocatedManifestDiff): string {
  return JSON.stringify(d, null, 2) + '\n';
}
