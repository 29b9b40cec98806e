/**
 * `$ref` resolution inside one tool schema. A tool schema travels on the wire
 * as a single document, so its references must resolve within it: `#`, a
 * JSON Pointer fragment (`#/$defs/Address`) or an anchor (`#address`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3
 */
import { getAtPointer } from '../../load/json-pointer.js';
import { isJsonObject } from './schema-walk.js';

export type RefStatus = 'ok' | 'missing' | 'external';

export function resolveLocalRef(root: unknown, ref: string, anchors: { has(name: string): boolean }): RefStatus {
  if (!ref.startsWith('#')) return 'external';
  const fragment = ref.slice(1);
  if (fragment === '') return 'ok';
  if (!fragment.startsWith('/')) return anchors.has(decodeFragment(fragment)) ? 'ok' : 'missing';
  const target = getAtPointer(root, decodeFragment(fragment));
  return isJsonObject(target) || typeof target === 'boolean' ? 'ok' : 'missing';
}

/** A URI fragment percent-decoded (as written when it cannot be). */
export function decodeFragment(fragment: string): string {
  if (fragment.indexOf('%') < 0) return fragment; // what decodeURIComponent would return
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * True when following `$ref` from `node` through schemas that are nothing but
 * a `$ref` (annotations aside) comes back to a schema already on the way: a
 * chain like `a -> b -> a` that never reaches a real schema describes no
 * value, and no validator can be compiled for it. JSON-pointer refs only
 * (anchors and `#` are left alone).
 */
export function isRefLoop(root: unknown, node: Record<string, unknown>): boolean {
  const seen = new Set<unknown>();
  let current: unknown = node;
  for (let steps = 0; steps < 1000; steps++) {
    if (!isJsonObject(current) || typeof current.$ref !== 'string') return false;
    const onlyRef = Object.keys(current).every((k) => k === '$ref' || REF_ANNOTATIONS.has(k));
    if (!onlyRef) return false;
    if (seen.has(current)) return true;
    seen.add(current);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return false;
    current = getAtPointer(root, decodeFragment(ref.slice(1)));
  }
  return true;
}

const REF_ANNOTATIONS = new Set(['$comment', 'title', 'description', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
