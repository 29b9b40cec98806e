/**
 * Where JSON Schema keeps subschemas (draft-07 and 2020-12 keywords), shared
 * by every walker in mcpgen (lint checks, protocol transforms), so that all of
 * them enter exactly the same keyword positions. Only these positions are
 * entered: a property *named* `description` or `$ref` is never mistaken for
 * the keyword.
 */

export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is one subschema (`items` as a single schema too). */
export const SINGLE_SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalProperties', 'items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else',
  'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);

/** Keywords whose value is an array of subschemas (`items` as an array in draft-07). */
export const SCHEMA_LIST_KEYWORDS: ReadonlySet<string> = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);

/** Keywords whose value maps names to subschemas. */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies',
]);

/** A JSON object (not null, not an array): what a schema, or a manifest section, must be. */
export function isJsonObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
