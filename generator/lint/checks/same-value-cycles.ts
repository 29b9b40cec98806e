/**
 * `$ref`s that close a cycle of schemas applying to the same value: `$ref:
 * "#"` at the root, or `allOf: [{ $ref: "#/$defs/A" }]` inside A. Validating
 * such a schema recurses without end (Ajv's validators and mcpgen's overflow
 * the stack at run time, for every value or for the values that reach the
 * cycle), and no TypeScript type describes it. A keyword that moves to a part
 * of the value (`properties`, `items`...) breaks a cycle: that recursion ends
 * with the value, so `{ properties: { next: { $ref: "#" } } }` is fine.
 *
 * Draft-07 ignores the keywords beside a `$ref`, so there a schema with a
 * `$ref` leads only to its target: `{ type: object, $ref: "#" }` at the root
 * is a cycle in draft-07 and in 2020-12 alike.
 */
import { getAtPointer } from '../../load/json-pointer.js';
import type { Dialect } from '../../spec/revisions.js';
import { decodeFragment } from './schema-refs.js';
import { isJsonObject, walkSchemaPath, type SchemaObject, type SchemaPath } from './schema-walk.js';

/** Keywords whose subschemas apply to the value itself (not to a part of it). */
const SAME_VALUE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const SAME_VALUE_SINGLES = ['not', 'if', 'then', 'else'] as const;
const SAME_VALUE_MAPS = ['dependentSchemas', 'dependencies'] as const;

/**
 * The `$ref` nodes of `root` (with their paths from it) whose target applies,
 * directly or through more same-value keywords, back to the `$ref`'s own schema.
 */
export function sameValueCycles(root: unknown, dialect: Dialect): { node: SchemaObject; path: SchemaPath }[] {
  if (!isJsonObject(root)) return [];
  const refs: { node: SchemaObject; path: SchemaPath }[] = [];
  const anchors = new Map<string, SchemaObject>();
  walkSchemaPath(root, (node, path) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) refs.push({ node, path: [...path] });
    if (typeof node.$anchor === 'string') anchors.set(node.$anchor, node);
    if (typeof node.$id === 'string' && node.$id.startsWith('#')) anchors.set(node.$id.slice(1), node);
  });
  return sameValueCyclesOf(root, dialect, refs, anchors);
}

/**
 * sameValueCycles from what a walk of `root` already collected: its schema
 * nodes with a local `$ref` (walk order) and its anchors (the last node
 * declaring each), as schema-index.ts gathers them.
 */
export function sameValueCyclesOf(
  root: SchemaObject,
  dialect: Dialect,
  refs: readonly { node: SchemaObject; path: SchemaPath }[],
  anchors: ReadonlyMap<string, SchemaObject>,
  /** Test hook: run the full search even when the shortcut below already knows the answer. */
  exhaustive = false,
): { node: SchemaObject; path: SchemaPath }[] {
  if (!refs.length) return [];

  const target = (ref: string): SchemaObject | undefined => {
    const fragment = ref.slice(1);
    const found = fragment === '' ? root : fragment.startsWith('/') ? getAtPointer(root, decodeFragment(fragment)) : anchors.get(decodeFragment(fragment));
    return isJsonObject(found) ? found : undefined;
  };
  /**
   * Calls `visit` with each schema that applies, from `node`, to the same
   * value, until it returns true; whether one did. The cycle search lists
   * them all (edges); the shortcut below only asks whether there is one,
   * which then builds no list (by index: in cold code a for...of step
   * allocates, and the shortcut runs for every tool schema with a `$ref`).
   */
  const someEdge = (node: SchemaObject, visit: (next: SchemaObject) => boolean): boolean => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const t = target(node.$ref);
      if (t && visit(t)) return true;
      if (dialect === 'draft-07') return false;
    }
    for (let i = 0; i < SAME_VALUE_LISTS.length; i++) {
      const list = node[SAME_VALUE_LISTS[i]!];
      if (Array.isArray(list)) for (let j = 0; j < list.length; j++) if (isJsonObject(list[j]) && visit(list[j] as SchemaObject)) return true;
    }
    for (let i = 0; i < SAME_VALUE_SINGLES.length; i++) {
      const single = node[SAME_VALUE_SINGLES[i]!];
      if (isJsonObject(single) && visit(single)) return true;
    }
    for (let i = 0; i < SAME_VALUE_MAPS.length; i++) {
      const map = node[SAME_VALUE_MAPS[i]!];
      if (isJsonObject(map)) for (const key in map) if (Object.hasOwn(map, key) && isJsonObject(map[key]) && visit(map[key] as SchemaObject)) return true;
    }
    return false;
  };
  const edges = (node: SchemaObject): SchemaObject[] => {
    const out: SchemaObject[] = [];
    someEdge(node, (next) => {
      out.push(next);
      return false;
    });
    return out;
  };

  // A `$ref` is reported only when its target leads back to it. When every target leads nowhere (no
  // same-value keyword, no `$ref`: the usual `#/$defs/X`), none can: skip the component search.
  if (!exhaustive) {
    let anyEdge = false;
    for (let i = 0; i < refs.length && !anyEdge; i++) {
      const t = target(refs[i]!.node.$ref as string);
      anyEdge = t !== undefined && someEdge(t, FOUND);
    }
    if (!anyEdge) return [];
  }

  // Strongly connected components (Tarjan's algorithm, iterative: no schema can overflow the stack).
  const index = new Map<SchemaObject, number>();
  const low = new Map<SchemaObject, number>();
  const component = new Map<SchemaObject, number>();
  const onStack = new Set<SchemaObject>();
  const stack: SchemaObject[] = [];
  let counter = 0;
  let components = 0;
  const selfLoop = new Set<SchemaObject>();
  for (const start of refs.map((r) => r.node)) {
    if (index.has(start)) continue;
    const work: { node: SchemaObject; next: SchemaObject[]; i: number }[] = [];
    const enter = (node: SchemaObject): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      const next = edges(node);
      if (next.includes(node)) selfLoop.add(node);
      work.push({ node, next, i: 0 });
    };
    enter(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const child = frame.next[frame.i++]!;
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: SchemaObject;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return refs.filter(({ node }) => {
    const t = target(node.$ref as string);
    return t !== undefined && (t === node ? selfLoop.has(node) : component.get(t) === component.get(node));
  });
}


/** A visitor of someEdge that stops at the first edge. */
const FOUND = (): boolean => true;
