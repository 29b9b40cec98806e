/**
 * Walks the subschemas of a JSON Schema (draft-07 and 2020-12 keywords), so
 * rules can check every nested schema and report it by JSON Pointer.
 */
import { joinPointer } from '../../load/json-pointer.js';

export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is a schema. */
const SINGLE = new Set(['additionalProperties', 'items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);
/** Keywords whose value is an array of schemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
/** Keywords whose value maps names to schemas. */
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Calls `visit` for `schema` and every nested schema object, depth first, in
 * the order the schema's keys are written.
 */
export function walkSchema(schema: unknown, pointer: string, visit: (node: SchemaObject, pointer: string) => void): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, pointer);
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    if (SINGLE.has(key) && isSchemaObject(value)) {
      walkSchema(value, joinPointer(pointer, key), visit);
    }
    if (LIST.has(key) && Array.isArray(value)) {
      value.forEach((item, i) => walkSchema(item, joinPointer(pointer, key, i), visit));
    }
    if (MAP.has(key) && isSchemaObject(value)) {
      for (const [name, sub] of Object.entries(value)) {
        walkSchema(sub, joinPointer(pointer, key, name), visit);
      }
    }
  }
}
