/**
 * `generate --watch` parses the whole manifest again after every save, which
 * makes a new object for every item, changed or not. Here each tool, resource,
 * template and prompt equal to one of the previous run's (same name, same
 * JSON value, keys in the same order) is replaced by that previous object.
 * Everything derived from an item by identity (its JSON for the memos, its
 * IR entry, its schema's lint index) then carries over to the next run, and
 * a one-tool edit costs about one tool's work, not a re-derivation of every
 * tool's keys.
 *
 * Safe because the manifest is read-only after loading (build-ir.ts), and
 * because equality is checked on the previous objects as they are now:
 * even one changed behind our back is only reused if equal.
 */
import type { Manifest } from '../load/manifest-types.js';
import { MAX_DEPTH } from '../load/parse-document.js';
import { runMemosKept } from './run-memos.js';

const SECTIONS = ['tools', 'resources', 'resourceTemplates', 'prompts'] as const;

/** The previous run's items, per section, by name. */
let previous: Map<string, Map<string, object>> | undefined;

/** How many items the last call reused (test/pipeline/reuse-unchanged.test.ts). */
export const reuseStats = { reused: 0 };

/** Replaces `manifest`'s unchanged items with the previous call's objects, when the process keeps memos from run to run. */
export function reuseUnchangedItems(manifest: Manifest): void {
  reuseStats.reused = 0;
  // Something enumerable on Object.prototype (put there by code, never by a parser) would show in for...in: no reuse then.
  if (!runMemosKept() || enumerableOnObjectPrototype()) {
    previous = undefined;
    return;
  }
  const next = new Map<string, Map<string, object>>();
  for (const section of SECTIONS) {
    const items = manifest[section] as unknown[];
    if (!Array.isArray(items)) continue;
    const before = previous?.get(section);
    const byName = new Map<string, object>();
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === null || typeof item !== 'object') continue;
      const name = (item as { name?: unknown }).name;
      if (typeof name !== 'string') continue;
      const old = before?.get(name);
      if (old !== undefined && old !== item && sameJsonValue(old, item, 0)) {
        items[i] = old;
        reuseStats.reused++;
      }
      // The first item of a name is the one matched next time (a repeated name is lint's error).
      if (!byName.has(name)) byName.set(name, items[i] as object);
    }
    next.set(section, byName);
  }
  previous = next;
}


/**
 * Whether `a` and `b` are the same JSON value with their keys in the same
 * order (the order shows in every generated file). Only arrays and plain
 * objects (of Object.prototype or none, as parsers make them) are entered,
 * to a depth no loaded manifest reaches (parse-document.ts MAX_DEPTH);
 * anything else counts as different.
 */
export function sameJsonValue(a: unknown, b: unknown, depth: number): boolean {
  // -0 and 0 are ===, but not the same literal in every generated file.
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || depth > MAX_DEPTH) return false;
  const array = Array.isArray(a);
  if (array !== Array.isArray(b)) return false;
  if (array) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJsonValue(x[i], y[i], depth + 1)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(a);
  if (prototype !== Object.getPrototypeOf(b) || (prototype !== Object.prototype && prototype !== null)) return false;
  // b's keys in order, in a list kept per depth (no new array per object: a 1,000-tool manifest has 100,000 of them).
  // for...in gives the order Object.keys and JSON.stringify give, and only own keys here: plain objects, and nothing
  // enumerable on Object.prototype (reuseUnchangedItems checks).
  const keys = (keyLists[depth] ??= []);
  let count = 0;
  for (const k in b) keys[count++] = k;
  let i = 0;
  for (const k in a) {
    if (i >= count || keys[i] !== k) return false;
    i++;
    if (!sameJsonValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return i === count;
}

/** Key lists by depth, reused by every comparison. */
const keyLists: string[][] = [];

function enumerableOnObjectPrototype(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}
