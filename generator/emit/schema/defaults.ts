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

/**
 * The schema with `visit` applied to every subschema, bottom-up. Unchanged
 * subtrees are shared, not copied: most schemas have no `default`, and
 * copying every one of them was a measurable part of generating 1,000 tools.
 * Callers treat schemas as read-only.
 */
function rebuild(schema: JsonObject, visit: (node: JsonObject, applies: boolean) => JsonObject, applies: boolean): JsonObject {
  let out: JsonObject | undefined;
  const set = (key: string, value: unknown, before: unknown): void => {
    if (value === before && out === undefined) return;
    out ??= { ...schema };
    out[key] = value as JsonObject[string];
  };
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    const inner = applies && !NO_DEFAULTS.has(key);
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) set(key, rebuild(value as JsonObject, visit, inner), value);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      const list = value.map((v) => (isJsonObject(v) ? rebuild(v as JsonObject, visit, inner) : v));
      set(key, list.some((v, i) => v !== value[i]) ? list : value, value);
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      let map: JsonObject | undefined;
      for (const name of Object.keys(value)) {
        const sub = (value as JsonObject)[name];
        const next = isJsonObject(sub) ? rebuild(sub as JsonObject, visit, inner) : sub;
        // defineProperty: a property may be named `__proto__`.
        if (next !== sub) Object.defineProperty((map ??= { ...(value as JsonObject) }), name, { value: next, writable: true, enumerable: true, configurable: true });
      }
      set(key, map ?? value, value);
    }
  }
  return visit(out ?? schema, applies);
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
