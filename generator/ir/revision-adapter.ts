/**
 * Absorbs revision differences in one place: a declared object keeps exactly
 * the fields that the target revision's own definition has (read from the
 * spec's schema, not from a hand-kept table), and every field left out is
 * recorded so that lint can report it. Emitters never branch on revisions.
 */
import type { LoadedSpec } from '../spec/load-spec.js';
import type { JsonObject } from '../load/manifest-types.js';
import { joinPointer } from '../load/json-pointer.js';
import type { DroppedField } from './model.js';

/** Field names of `definition` in this spec, or undefined when it has no `properties`. */
export function definitionFields(spec: LoadedSpec, definition: string): Set<string> | undefined {
  const def = spec.definitions[definition];
  const props = def?.properties;
  return props && typeof props === 'object' ? new Set(Object.keys(props)) : undefined;
}

export function adaptToRevision(
  value: JsonObject,
  definition: string,
  spec: LoadedSpec,
  pointer: string,
  dropped: DroppedField[],
): JsonObject {
  const fields = definitionFields(spec, definition);
  if (!fields) return structuredClone(value);
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    if (fields.has(key)) out[key] = structuredClone(field);
    else dropped.push({ pointer: joinPointer(pointer, key), definition, field: key });
  }
  return out;
}
