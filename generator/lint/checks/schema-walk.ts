/**
 * Walks the subschemas of a JSON Schema (draft-07 and 2020-12 keywords), so
 * rules can check every nested schema and report it by JSON Pointer.
 */
import { joinPointer } from '../../load/json-pointer.js';
import {
  isJsonObject,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
  type SchemaObject,
} from '../../json-schema/subschemas.js';

export { isJsonObject, type SchemaObject } from '../../json-schema/subschemas.js';

/**
 * Calls `visit` for `schema` and every nested schema object, depth first, in
 * the order the schema's keys are written.
 */
export function walkSchema(schema: unknown, pointer: string, visit: (node: SchemaObject, pointer: string) => void): void {
  if (!isJsonObject(schema)) return;
  visit(schema, pointer);
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) {
      walkSchema(value, joinPointer(pointer, key), visit);
    }
    if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      value.forEach((item, i) => walkSchema(item, joinPointer(pointer, key, i), visit));
    }
    if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      for (const [name, sub] of Object.entries(value)) {
        walkSchema(sub, joinPointer(pointer, key, name), visit);
      }
    }
  }
}

/** Pointer segments from the root of a walk to a node. */
export type SchemaPath = readonly (string | number)[];

/**
 * walkSchema without a pointer string per node (most nodes have no finding,
 * and building every pointer was a large part of linting many tools):
 * `path` holds the segments from `schema`, valid only during the call; join
 * them (joinPointer(base, ...path)) when reporting. Same nodes, same order.
 */
export function walkSchemaPath(schema: unknown, visit: (node: SchemaObject, path: SchemaPath) => void): void {
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (!isJsonObject(node)) return;
    visit(node, path);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) {
        path.push(key);
        walk(value);
        path.pop();
      }
      if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
        path.push(key);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i]);
          path.pop();
        }
        path.pop();
      }
      if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
        path.push(key);
        for (const name of Object.keys(value)) {
          path.push(name);
          walk(value[name]);
          path.pop();
        }
        path.pop();
      }
    }
  };
  walk(schema);
}
