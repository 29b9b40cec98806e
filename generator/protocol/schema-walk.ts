/**
 * Structural walking of JSON Schema documents. Only keyword positions that
 * hold subschemas are entered, so a property *named* `description` or `$ref`
 * is never mistaken for the keyword (MCP schemas have properties called
 * `description`, `title` and `format`).
 */
import type { JsonSchema } from '../spec/load-spec.js';

/** Keywords whose value is one subschema. */
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'];
/** Keywords whose value is an array of subschemas. */
const LIST = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rebuilds `schema` bottom-up: every subschema is first rebuilt, then passed to
 * `visit`, whose return value replaces it. Key order is kept, so the output is
 * as deterministic as the input.
 */
export function transformSchema(schema: JsonSchema, visit: (node: JsonSchema) => JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SINGLE.includes(key) && isSchemaObject(value)) out[key] = transformSchema(value, visit);
    else if (key === 'items' && Array.isArray(value)) out[key] = value.map((v) => (isSchemaObject(v) ? transformSchema(v, visit) : v));
    else if (LIST.includes(key) && Array.isArray(value)) out[key] = value.map((v) => (isSchemaObject(v) ? transformSchema(v, visit) : v));
    else if (MAP.includes(key) && isSchemaObject(value)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) map[name] = isSchemaObject(sub) ? transformSchema(sub, visit) : sub;
      out[key] = map;
    } else out[key] = value;
  }
  return visit(out);
}

/** The definition name a local `$ref` points at (`#/$defs/Tool` → `Tool`), else undefined. */
export function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const m = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref);
  return m ? decodeURIComponent(m[1]!.replace(/~1/g, '/').replace(/~0/g, '~')) : undefined;
}

/** Annotation keywords: they document, they never change what validates. */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);

/** The schema without annotations: what a validator needs, and a much smaller standalone module. */
export function stripAnnotations(schema: JsonSchema): JsonSchema {
  return transformSchema(schema, (node) => {
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) if (!ANNOTATIONS.has(k)) out[k] = v;
    return out;
  });
}
