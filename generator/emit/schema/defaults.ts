/**
 * `default` in tool schemas. Input validators apply defaults before the
 * handler runs (Ajv `useDefaults`), so the handler's input type marks every
 * property with a default as present; output validators must never add
 * values to a result, so their schemas are compiled without `default`.
 *
 * Ajv applies a default only where it sits directly in a `properties` entry
 * (or an `items` array entry), never inside `anyOf`/`oneOf`/`not`; the type
 * transform follows the same rule.
 */
import type { JsonObject } from '../../load/manifest-types.js';
import { isJsonObject, SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SINGLE_SCHEMA_KEYWORDS } from '../../json-schema/subschemas.js';

/** Branches where Ajv ignores defaults. */
const NO_DEFAULTS = new Set(['anyOf', 'oneOf', 'not']);

function rebuild(schema: JsonObject, visit: (node: JsonObject, applies: boolean) => JsonObject, applies: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const inner = applies && !NO_DEFAULTS.has(key);
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) out[key] = rebuild(value as JsonObject, visit, inner);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((v) => (isJsonObject(v) ? rebuild(v as JsonObject, visit, inner) : v));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      const map: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) map[name] = isJsonObject(sub) ? rebuild(sub as JsonObject, visit, inner) : sub;
      out[key] = map;
    } else out[key] = value;
  }
  return visit(out, applies);
}

/** The schema the handler's input type is derived from: properties with a default are required. */
export function withDefaultsRequired(schema: JsonObject): JsonObject {
  return rebuild(
    schema,
    (node, applies) => {
      const props = node.properties;
      if (!applies || !isJsonObject(props)) return node;
      const withDefault = Object.entries(props).filter(([, sub]) => isJsonObject(sub) && 'default' in sub).map(([name]) => name);
      if (!withDefault.length) return node;
      const required = Array.isArray(node.required) ? (node.required as unknown[]).filter((r): r is string => typeof r === 'string') : [];
      return { ...node, required: [...required, ...withDefault.filter((n) => !required.includes(n))] };
    },
    true,
  );
}

/** The schema without `default` keywords (for validators that must not change the value). */
export function withoutDefaults(schema: JsonObject): JsonObject {
  return rebuild(
    schema,
    (node) => {
      if (!('default' in node)) return node;
      const { default: _dropped, ...rest } = node;
      return rest;
    },
    true,
  );
}
