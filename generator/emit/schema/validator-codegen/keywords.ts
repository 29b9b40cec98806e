/**
 * The keywords mcpgen's own validator compiler handles, per JSON Schema
 * dialect, and the order Ajv evaluates them in. Ajv (v8) sorts keywords into
 * groups: keywords for any type first, then the number, string, array and
 * object groups, each run only when the data has that type. Within a group
 * the order is the order Ajv's vocabularies register them. Errors come out in
 * that order with `allErrors`, so the compiler must follow it exactly.
 */
import type { Dialect } from '../../../spec/revisions.js';

export type GroupType = 'number' | 'string' | 'array' | 'object';

/** Keywords applied to any data type, in Ajv's order (core, validation, applicator). */
export const ANY_TYPE_KEYWORDS = ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf'] as const;

/** Keywords of each type group, in Ajv's order (`before: "uniqueItems"` moves the item applicators up). */
export const GROUP_KEYWORDS: Record<GroupType, readonly string[]> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'additionalItems', 'prefixItems', 'items', 'contains', 'uniqueItems'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties', 'patternProperties'],
};

export const GROUP_ORDER: readonly GroupType[] = ['number', 'string', 'array', 'object'];

const COMMON_RULES = [
  'type', '$comment', ...ANY_TYPE_KEYWORDS,
  'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'items', 'contains', 'uniqueItems',
  'maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties', 'patternProperties',
];

/**
 * Keywords with validation code ("rules" in Ajv's terms). A schema without
 * any is always valid, and Ajv skips it (which matters for `anyOf`, where an
 * always-valid branch skips the whole keyword in draft-07).
 */
export const RULE_KEYWORDS: Record<Dialect, ReadonlySet<string>> = {
  'draft-07': new Set([...COMMON_RULES, 'additionalItems']),
  '2020-12': new Set([...COMMON_RULES, 'prefixItems']),
};

/** Keywords that never affect validation (Ajv's metadata vocabulary and core bookkeeping). */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$defs', 'definitions',
]);

export function hasRules(schema: Record<string, unknown>, dialect: Dialect): boolean {
  const rules = RULE_KEYWORDS[dialect];
  for (const key in schema) if (rules.has(key)) return true;
  return false;
}

/** Ajv's `alwaysValidSchema`: `true`, or an object with no rule keyword. */
export function alwaysValid(schema: unknown, dialect: Dialect): boolean {
  if (typeof schema === 'boolean') return schema;
  return !hasRules(schema as Record<string, unknown>, dialect);
}

/** Whether `schema` holds a `$ref` anywhere (Ajv inlines referenced definitions that do not). */
export function hasRef(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasRef);
  for (const key in schema) {
    if (key === '$ref') return true;
    if (hasRef((schema as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The JSON types of `type` (Ajv's getSchemaTypes without `nullable`, which mcpgen does not compile). */
export function schemaTypes(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const type = (schema as Record<string, unknown>).type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}
