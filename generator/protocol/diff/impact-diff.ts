/**
 * The impact of a spec change on one manifest (`mcpgen diff FROM TO
 * --manifest FILE`): the revision diff kept to the definitions the manifest's
 * server actually exchanges (the objects it declares, the requests and
 * results that carry them, and everything those reference), plus the
 * manifest items that hold a field the change removes or retypes.
 */
import type { JsonSchema } from '../../spec/load-spec.js';
import type { JsonObject, Manifest } from '../../load/manifest-types.js';
import { targetsOf } from '../../migrate/manifest-targets.js';
import { TRACKED_DEFINITIONS, type TrackedDefinition } from '../../migrate/migration-table.js';
import { refName } from '../schema-walk.js';
import type { RevisionDiff } from './diff-revisions.js';

/** The definitions a declared kind brings in (those missing from a revision are skipped). */
const ROOTS: Record<'server' | 'tools' | 'resources' | 'resourceTemplates' | 'prompts', string[]> = {
  server: ['Implementation', 'ServerCapabilities'],
  tools: ['Tool', 'ListToolsResult', 'CallToolRequest', 'CallToolResult'],
  resources: ['Resource', 'ListResourcesResult', 'ReadResourceRequest', 'ReadResourceResult'],
  resourceTemplates: ['ResourceTemplate', 'ListResourceTemplatesResult', 'ReadResourceRequest', 'ReadResourceResult'],
  prompts: ['Prompt', 'ListPromptsResult', 'GetPromptRequest', 'GetPromptResult'],
};

function collectRefs(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref') {
        const name = refName(v);
        if (name) out.add(name);
      } else collectRefs(v, out);
    }
  }
}

/** The definitions the manifest's server uses in one revision: the roots of its kinds, closed over $ref. */
export function usedDefinitions(manifest: Manifest, definitions: Record<string, JsonSchema>): Set<string> {
  const roots = [...ROOTS.server];
  if (manifest.tools.length) roots.push(...ROOTS.tools);
  if (manifest.resources.length) roots.push(...ROOTS.resources);
  if (manifest.resourceTemplates.length) roots.push(...ROOTS.resourceTemplates);
  if (manifest.prompts.length) roots.push(...ROOTS.prompts);
  const used = new Set<string>();
  const queue = roots.filter((r) => r in definitions);
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    const refs = new Set<string>();
    collectRefs(definitions[name], refs);
    for (const r of refs) if (r in definitions && !used.has(r)) queue.push(r);
  }
  return used;
}

export interface AffectedItem {
  definition: string;
  field: string;
  change: 'removed' | 'type-changed' | 'made-required';
  /** `tool "get_forecast"`, and the JSON Pointer of the field in the manifest. */
  label: string;
  pointer: string;
}

export interface ImpactDiff extends RevisionDiff {
  /** The definitions kept, out of all that changed. */
  filteredFrom: { added: number; removed: number; changed: number };
  affected: AffectedItem[];
}

/** The revision diff kept to what the manifest uses, with the items a removed, retyped or newly required field touches. */
export function impactDiff(diff: RevisionDiff, manifest: Manifest, usedBefore: Set<string>, usedAfter: Set<string>): ImpactDiff {
  const uses = (n: string) => usedBefore.has(n) || usedAfter.has(n);
  const changed = diff.changed.filter((c) => uses(c.name));
  const affected: AffectedItem[] = [];
  const data = manifest as unknown as JsonObject;
  for (const c of changed) {
    if (!(TRACKED_DEFINITIONS as readonly string[]).includes(c.name)) continue;
    const targets = targetsOf(data, c.name as TrackedDefinition);
    const fields: [string, AffectedItem['change']][] = [
      ...c.propertiesRemoved.map((p) => [p.name, 'removed'] as [string, AffectedItem['change']]),
      ...c.typeChanged.map((p) => [p.name, 'type-changed'] as [string, AffectedItem['change']]),
    ];
    for (const [field, change] of fields) {
      for (const t of targets) if (field in t.value) affected.push({ definition: c.name, field, change, label: t.label, pointer: `${t.pointer}/${field}` });
    }
    for (const field of c.madeRequired) {
      for (const t of targets) if (!(field in t.value)) affected.push({ definition: c.name, field, change: 'made-required', label: t.label, pointer: t.pointer });
    }
  }
  return {
    ...diff,
    added: diff.added.filter((n) => usedAfter.has(n)),
    removed: diff.removed.filter((n) => usedBefore.has(n)),
    changed,
    filteredFrom: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    affected,
  };
}
