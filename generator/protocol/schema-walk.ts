/**
 * Structural walking of JSON Schema documents. Only keyword positions that
 * hold subschemas are entered, so a property *named* `description` or `$ref`
 * is never mistaken for the keyword (MCP schemas have properties called
 * `description`, `title` and `format`).
 */
import type { JsonSchema } from '../spec/load-spec.js';
import { isJsonObject, SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SINGLE_SCHEMA_KEYWORDS } from '../json-schema/subschemas.js';

export { isJsonObject } from '../json-schema/subschemas.js';

/**
 * Rebuilds `schema` bottom-up: every subschema is first rebuilt, then passed to
 * `visit`, whose return value replaces it. Key order is kept, so the output is
 * as deterministic as the input.
 */
export function transformSchema(schema: JsonSchema, visit: (node: JsonSchema) => JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) out[key] = transformSchema(value, visit);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((v) => (isJsonObject(v) ? transformSchema(v, visit) : v));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) map[name] = isJsonObject(sub) ? transformSchema(sub, visit) : sub;
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
