/**
 * Absorbs revision differences in one place: a declared object keeps exactly
 * the fields that the target revision's own definition has (read from the
 * spec's schema, not from a hand-kept table), and every field left out is
 * recorded so that lint can report it. Emitters never branch on revisions.
 *
 * Field values are shared with the manifest, not copied: the IR is read-only
 * for every stage after it (a test runs all emitters on a deep-frozen
 * manifest to keep it so).
 */
import type { LoadedSpec } from '../spec/load-spec.js';
import type { JsonObject } from '../load/manifest-types.js';
import { joinPointer } from '../load/json-pointer.js';
import type { DroppedField } from './model.js';

const fieldCache = new WeakMap<LoadedSpec, Map<string, Set<string> | undefined>>();

/** Field names of `definition` in this spec, or undefined when it has no `properties`. */
export function definitionFields(spec: LoadedSpec, definition: string): Set<string> | undefined {
  let perSpec = fieldCache.get(spec);
  if (!perSpec) fieldCache.set(spec, (perSpec = new Map()));
  if (!perSpec.has(definition)) {
    const props = spec.definitions[definition]?.properties;
    perSpec.set(definition, props && typeof props === 'object' ? new Set(Object.keys(props)) : undefined);
  }
  return perSpec.get(definition);
}

export function adaptToRevision(
  value: JsonObject,
  definition: string,
  spec: LoadedSpec,
  pointer: string,
  dropped: DroppedField[],
): JsonObject {
  const fields = definitionFields(spec, definition);
  if (!fields) return { ...value };
  const out: JsonObject = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (fields.has(key)) out[key] = value[key];
    else dropped.push({ pointer: joinPointer(pointer, key), definition, field: key });
  }
  return out;
}
