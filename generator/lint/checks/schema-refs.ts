/**
 * `$ref` resolution inside one tool schema. A tool schema travels on the wire
 * as a single document, so its references must resolve within it: `#`, a
 * JSON Pointer fragment (`#/$defs/Address`) or an anchor (`#address`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3
 */
import { getAtPointer } from '../../load/json-pointer.js';
import { isJsonObject, walkSchemaPath } from './schema-walk.js';

export type RefStatus = 'ok' | 'missing' | 'external';

/** Anchor names declared anywhere in the schema (`$anchor`, or draft-07 `$id: "#name"`). */
export function collectAnchors(root: unknown): Set<string> {
  const anchors = new Set<string>();
  walkSchemaPath(root, (node) => {
    if (typeof node.$anchor === 'string') anchors.add(node.$anchor);
    if (typeof node.$id === 'string' && node.$id.startsWith('#')) anchors.add(node.$id.slice(1));
  });
  return anchors;
}

export function resolveLocalRef(root: unknown, ref: string, anchors: ReadonlySet<string>): RefStatus {
  if (!ref.startsWith('#')) return 'external';
  const fragment = ref.slice(1);
  if (fragment === '') return 'ok';
  if (!fragment.startsWith('/')) return anchors.has(decode(fragment)) ? 'ok' : 'missing';
  const target = getAtPointer(root, decode(fragment));
  return isJsonObject(target) || typeof target === 'boolean' ? 'ok' : 'missing';
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
