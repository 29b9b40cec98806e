/**
 * Compares two revisions' schemas: definitions added and removed, and, for
 * definitions in both, properties added, removed, made required or optional,
 * or changed in type (by `describeType`). Returns plain data: migration
 * messages and `mcpgen diff --format json` build on it.
 */
import type { JsonSchema } from '../../spec/load-spec.js';
import { isJsonObject } from '../schema-walk.js';
import { describeType } from './type-description.js';

/**
 * The diff, also the stable `mcpgen diff --format json` shape (version 1).
 * Names are sorted; `type` strings come from `describeType`.
 *
 * ```json
 * { "version": 1, "from": "2025-06-18", "to": "2025-11-25",
 *   "added": ["Icon"], "removed": [],
 *   "changed": [{ "name": "Tool",
 *     "type": null,
 *     "propertiesAdded": [{ "name": "icons", "type": "array<Icon>", "required": false }],
 *     "propertiesRemoved": [], "madeRequired": [], "madeOptional": [],
 *     "typeChanged": [] }] }
 * ```
 */
export interface RevisionDiff {
  version: 1;
  from: string;
  to: string;
  /** Definitions only in `to`. */
  added: string[];
  /** Definitions only in `from`. */
  removed: string[];
  /** Definitions in both that differ, by name. */
  changed: DefinitionChange[];
}

export interface DefinitionChange {
  name: string;
  /** The definition's own type description, when it changed (e.g. a union gained members). */
  type: { from: string; to: string } | null;
  propertiesAdded: { name: string; type: string; required: boolean }[];
  propertiesRemoved: { name: string; type: string }[];
  madeRequired: string[];
  madeOptional: string[];
  typeChanged: { name: string; from: string; to: string }[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function properties(def: JsonSchema): Record<string, unknown> {
  return isJsonObject(def.properties) ? def.properties : {};
}

function requiredSet(def: JsonSchema): Set<string> {
  return new Set(Array.isArray(def.required) ? (def.required as string[]) : []);
}

/** Compares one definition across revisions; null when nothing tracked changed. */
export function diffDefinition(name: string, before: JsonSchema, after: JsonSchema): DefinitionChange | null {
  const change: DefinitionChange = { name, type: null, propertiesAdded: [], propertiesRemoved: [], madeRequired: [], madeOptional: [], typeChanged: [] };
  const typeBefore = describeType(before);
  const typeAfter = describeType(after);
  if (typeBefore !== typeAfter) change.type = { from: typeBefore, to: typeAfter };
  const pb = properties(before);
  const pa = properties(after);
  const rb = requiredSet(before);
  const ra = requiredSet(after);
  for (const prop of Object.keys(pa).sort(byString)) {
    if (!(prop in pb)) change.propertiesAdded.push({ name: prop, type: describeType(pa[prop]), required: ra.has(prop) });
  }
  for (const prop of Object.keys(pb).sort(byString)) {
    if (!(prop in pa)) {
      change.propertiesRemoved.push({ name: prop, type: describeType(pb[prop]) });
      continue;
    }
    if (!rb.has(prop) && ra.has(prop)) change.madeRequired.push(prop);
    if (rb.has(prop) && !ra.has(prop)) change.madeOptional.push(prop);
    const from = describeType(pb[prop]);
    const to = describeType(pa[prop]);
    if (from !== to) change.typeChanged.push({ name: prop, from, to });
  }
  const empty =
    !change.type && !change.propertiesAdded.length && !change.propertiesRemoved.length && !change.madeRequired.length && !change.madeOptional.length && !change.typeChanged.length;
  return empty ? null : change;
}

/** Diffs two definition maps (`LoadedSpec.definitions`). */
export function diffDefinitions(from: string, to: string, before: Record<string, JsonSchema>, after: Record<string, JsonSchema>): RevisionDiff {
  const namesBefore = Object.keys(before);
  const namesAfter = Object.keys(after);
  const changed: DefinitionChange[] = [];
  for (const name of namesBefore.filter((n) => n in after).sort(byString)) {
    const c = diffDefinition(name, before[name]!, after[name]!);
    if (c) changed.push(c);
  }
  return {
    version: 1,
    from,
    to,
    added: namesAfter.filter((n) => !(n in before)).sort(byString),
    removed: namesBefore.filter((n) => !(n in after)).sort(byString),
    changed,
  };
}
