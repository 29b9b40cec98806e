/**
 * One pass over a tool schema that gathers what the tool-schema rule used
 * to collect with four walks of its own (anchors, the `$ref`s for the
 * same-value cycle check, the nodes it reports on, and whether any local
 * `$ref` sits outside a subschema position), and the keys the unknown-keys
 * rule looks at with a fifth: on a large manifest those walks were a
 * sizeable part of lint. Within one lint run (withSchemaIndexes) each schema
 * object is indexed once, for every rule that asks.
 *
 * Schema nodes are met in walkSchemaPath's order (the same nodes, paths and
 * order: test/lint/tool-schema-walk.test.ts); every other value is entered
 * too, as localRefsOutside does, to count the local `$ref`s outside.
 */
import { isJsonObject, SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SINGLE_SCHEMA_KEYWORDS, type SchemaObject } from '../../json-schema/subschemas.js';
import { SCHEMA_KEYWORDS } from '../../json-schema/keywords.js';
import type { SchemaPath } from './schema-walk.js';
import { ObjectMemo, runMemosKept } from '../../pipeline/run-memos.js';

/** Where a value sits relative to the subschema positions walkSchema enters. */
export const enum Role {
  /** Not a subschema position, nor under one's keyword. */
  Outside,
  /** A subschema (an object walkSchema visits). */
  Schema,
  /** The array of a list keyword (`allOf`...) of a subschema. */
  SchemaList,
  /** The object of a map keyword (`properties`...) of a subschema. */
  SchemaMap,
}

/** The role of `value`, found under key `key` of an object of role `role` (walkSchema's own rules). */
export function childRole(role: Role, key: string, value: unknown): Role {
  if (role === Role.Schema) {
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) return Role.Schema;
    if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) return Role.SchemaList;
    if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) return Role.SchemaMap;
    return Role.Outside;
  }
  return role === Role.SchemaMap && isJsonObject(value) ? Role.Schema : Role.Outside;
}

export interface SchemaIndex {
  /** Schema nodes with a `$ref` string, a `$schema` or a `required` array, with their paths, in walk order. */
  notable: { node: SchemaObject; path: SchemaPath }[];
  /** Schema nodes with a local (`#...`) `$ref`, with their paths, in walk order. */
  localRefs: { node: SchemaObject; path: SchemaPath }[];
  /** Anchor name (`$anchor`, or draft-07 `$id: "#name"`) → the last schema node declaring it. */
  anchors: ReadonlyMap<string, SchemaObject>;
  /** How many objects outside subschema positions (within localRefsOutside's depth) hold a local `$ref`. */
  localRefsOutside: number;
  /**
   * Keys of schema nodes that may be misspelt keywords (not a keyword of both
   * dialects, at least 4 characters, no `x-` prefix), in walk and key order.
   */
  keywordCandidates: { path: SchemaPath; key: string }[];
  /**
   * Objects anywhere in the schema (any position, however deep) with an
   * `x-mcp-header` key, except inside such a key's own value, in document
   * order, with their paths as strings: what the x-mcp-header rule's walk finds.
   */
  headerUses: { node: SchemaObject; path: string[] }[];
}

const HEADER_KEY = 'x-mcp-header';

/** Keywords of both dialects: never a misspelling, whichever dialect a schema is read in. */
const BOTH_DIALECTS = new Set([...SCHEMA_KEYWORDS['draft-07']].filter((k) => SCHEMA_KEYWORDS['2020-12'].has(k)));

/** Where one lint run keeps the indexes it made. */
type IndexMemo = { get(schema: SchemaObject): SchemaIndex | undefined; set(schema: SchemaObject, index: SchemaIndex): unknown };

let runIndexes: IndexMemo | undefined;

/**
 * The indexes of earlier lint runs, kept while the process keeps memos from
 * run to run (`generate --watch`): a schema an edit did not change comes back
 * as the same object (pipeline/reuse-unchanged.ts), and an index depends only
 * on the schema's contents.
 */
const keptIndexes = new ObjectMemo<SchemaObject, SchemaIndex>();

/**
 * Runs `body` (one lint run) with each schema object indexed at most once,
 * however many rules ask: the manifest is read-only while rules run. Outside
 * such a run every call indexes afresh.
 */
export function withSchemaIndexes<T>(body: () => T): T {
  const outer = runIndexes;
  runIndexes = runMemosKept() ? keptIndexes : new WeakMap<SchemaObject, SchemaIndex>();
  try {
    return body();
  } finally {
    runIndexes = outer;
  }
}

/** The index of `schema`, shared within a lint run (withSchemaIndexes). */
export function schemaIndex(schema: SchemaObject): SchemaIndex {
  if (!runIndexes) return indexSchema(schema);
  let index = runIndexes.get(schema);
  if (!index) {
    index = indexSchema(schema);
    runIndexes.set(schema, index);
  }
  return index;
}

/** How many schemas were indexed (test/lint/tool-schema-walk.test.ts: once per schema per lint run). */
export const schemaIndexWork = { indexed: 0 };

export function indexSchema(schema: SchemaObject): SchemaIndex {
  schemaIndexWork.indexed++;
  const index: SchemaIndex = { notable: [], localRefs: [], anchors: NO_ANCHORS, localRefsOutside: 0, keywordCandidates: [], headerUses: [] };
  // Made on the first anchor: most schemas have none, and a map per schema was a sizeable part of a large lint's garbage.
  let anchors: Map<string, SchemaObject> | undefined;
  const anchor = (name: string, node: SchemaObject): void => {
    if (!anchors) index.anchors = anchors = new Map();
    anchors.set(name, node);
  };
  const path: (string | number)[] = [];
  // Roles as plain numbers (Role's values): a const enum is an object lookup under isolatedModules.
  // Every value is entered, however deep (as walkSchemaPath and the x-mcp-header walk do); local refs
  // outside subschemas are counted as deep as localRefsOutside looks. `inHeader`: inside an x-mcp-header value.
  const visit = (value: object, role: number, depth: number, inHeader: boolean): void => {
    if (Array.isArray(value)) {
      const itemRole = role === SCHEMA_LIST ? SCHEMA : OUTSIDE;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === null || typeof item !== 'object') continue;
        path.push(i);
        visit(item, Array.isArray(item) ? OUTSIDE : itemRole, depth + 1, inHeader);
        path.pop();
      }
      return;
    }
    const node = value as SchemaObject;
    const ref = node.$ref;
    // for...in rather than Object.keys: no array per object (a large manifest has tens of thousands),
    // and the same keys in the same order for parsed JSON and YAML (plain objects, nothing inherited).
    if (!inHeader && HEADER_KEY in node) index.headerUses.push({ node, path: path.map(String) });
    if (role === SCHEMA) {
      if (typeof ref === 'string' || node.$schema !== undefined || Array.isArray(node.required)) {
        const entry = { node, path: [...path] };
        index.notable.push(entry);
        if (typeof ref === 'string' && ref.startsWith('#')) index.localRefs.push(entry);
      }
      if (typeof node.$anchor === 'string') anchor(node.$anchor, node);
      if (typeof node.$id === 'string' && node.$id.startsWith('#')) anchor(node.$id.slice(1), node);
      for (const key in node) {
        if (!BOTH_DIALECTS.has(key) && key.length >= 4 && !key.startsWith('x-')) index.keywordCandidates.push({ path: [...path], key });
      }
    } else if (depth <= 256 && typeof ref === 'string' && ref.startsWith('#')) {
      index.localRefsOutside++;
    }
    for (const key in node) {
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      let next = OUTSIDE;
      if (role === SCHEMA) {
        const kind = KEYWORD_KINDS.get(key);
        if (kind !== undefined) {
          const isArray = Array.isArray(child);
          if (kind & SINGLE && !isArray) next = SCHEMA;
          else if (kind & LIST && isArray) next = SCHEMA_LIST;
          else if (kind & MAP && !isArray) next = SCHEMA_MAP;
        }
      } else if (role === SCHEMA_MAP && !Array.isArray(child)) {
        next = SCHEMA;
      }
      path.push(key);
      visit(child, next, depth + 1, inHeader || key === HEADER_KEY);
      path.pop();
    }
  };
  visit(schema, SCHEMA, 0, false);
  return index;
}

/** The anchors of a schema that declares none (shared: never written to). */
const NO_ANCHORS: ReadonlyMap<string, SchemaObject> = new Map();

const OUTSIDE: number = Role.Outside;
const SCHEMA: number = Role.Schema;
const SCHEMA_LIST: number = Role.SchemaList;
const SCHEMA_MAP: number = Role.SchemaMap;

/** What a keyword of a subschema holds: one subschema (SINGLE), a list (LIST), a map (MAP); `items` is either of the first two. */
const SINGLE = 1;
const LIST = 2;
const MAP = 4;
const KEYWORD_KINDS = new Map<string, number>();
for (const k of SINGLE_SCHEMA_KEYWORDS) KEYWORD_KINDS.set(k, (KEYWORD_KINDS.get(k) ?? 0) | SINGLE);
for (const k of SCHEMA_LIST_KEYWORDS) KEYWORD_KINDS.set(k, (KEYWORD_KINDS.get(k) ?? 0) | LIST);
for (const k of SCHEMA_MAP_KEYWORDS) KEYWORD_KINDS.set(k, (KEYWORD_KINDS.get(k) ?? 0) | MAP);
