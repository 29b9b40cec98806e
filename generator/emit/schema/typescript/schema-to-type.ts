/**
 * The meaning of a JSON Schema as a TypeScript type (the `type-model.ts`
 * tree). Mirrors what json-schema-to-typescript gave mcpgen before (with
 * `additionalProperties: false` as the default, bounded arrays as plain
 * arrays), so handler and caller types keep their guarantees: a closed object
 * has no index signature, so an unknown field is an error.
 *
 * Local `$ref`s become references to the named types of `$defs` /
 * `definitions` (that is how recursive schemas terminate); anything the walk
 * cannot resolve is `unknown`, never an error. Nesting deeper than
 * `MAX_TYPE_DEPTH` degrades to `unknown` too, so no schema can exhaust the stack.
 */
import { jsDocLines, literalType } from './ts-literals.js';
import { atom, intersection, NEVER, union, UNKNOWN, type TsMember, type TsType } from './type-model.js';

const STRING = atom('string');
const NUMBER = atom('number');
const BOOLEAN = atom('boolean');
const NULL = atom('null');

/** Deeper than any schema the loader accepts (128 levels), well within the stack. */
export const MAX_TYPE_DEPTH = 256;

export interface WalkContext {
  /** Declared type names by decoded local JSON pointer (`''` for the root, `/$defs/a~1b`, ...). */
  names: Map<string, string>;
}

type Schema = Record<string, unknown>;

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The declared name a local `$ref` points at, if any. */
function refTarget(ref: string, ctx: WalkContext): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A malformed escape is not a pointer we know; leave it as written.
  }
  return ctx.names.get(fragment);
}

export function schemaType(schema: unknown, ctx: WalkContext, depth = 0): TsType {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isSchemaObject(schema) || depth > MAX_TYPE_DEPTH) return UNKNOWN;
  const value = valueType(schema, ctx, depth);
  // Most schemas are only a value type: no intersection to build.
  if (schema.$ref === undefined && schema.anyOf === undefined && schema.oneOf === undefined && schema.allOf === undefined) return value;
  const parts: TsType[] = [];
  if (typeof schema.$ref === 'string') {
    const name = refTarget(schema.$ref, ctx);
    parts.push(name === undefined ? UNKNOWN : { kind: 'ref', name });
  }
  parts.push(value);
  const sub = (s: unknown): TsType => schemaType(s, ctx, depth + 1);
  if (Array.isArray(schema.anyOf)) parts.push(union(schema.anyOf.map(sub)));
  if (Array.isArray(schema.oneOf)) parts.push(union(schema.oneOf.map(sub)));
  if (Array.isArray(schema.allOf)) parts.push(intersection(schema.allOf.map(sub)));
  // `not` narrows nothing TypeScript can express: it adds no part (unknown).
  return intersection(parts);
}

function primitiveType(type: unknown, schema: Schema, ctx: WalkContext, depth: number): TsType {
  switch (type) {
    case 'string':
      return STRING;
    case 'number':
    case 'integer':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'null':
      return NULL;
    case 'array':
      return arrayType(schema, ctx, depth);
    case 'object':
      return objectType(schema, ctx, depth);
    default:
      return UNKNOWN;
  }
}

/** `const`, `enum`, else `type` (or the type the keywords imply). */
function valueType(schema: Schema, ctx: WalkContext, depth: number): TsType {
  if ('const' in schema) {
    const text = literalType(schema.const);
    if (text !== undefined) return atom(text);
  } else if (Array.isArray(schema.enum)) {
    const texts = schema.enum.map(literalType);
    if (texts.every((t) => t !== undefined)) return union(texts.map((t) => atom(t!)));
  }
  if (typeof schema.type === 'string') return primitiveType(schema.type, schema, ctx, depth);
  if (Array.isArray(schema.type)) return union(schema.type.map((type) => primitiveType(type, schema, ctx, depth)));
  if ('properties' in schema || 'additionalProperties' in schema || 'patternProperties' in schema) return objectType(schema, ctx, depth);
  if ('items' in schema || 'prefixItems' in schema) return arrayType(schema, ctx, depth);
  return UNKNOWN;
}

function arrayType(schema: Schema, ctx: WalkContext, depth: number): TsType {
  const sub = (s: unknown): TsType => schemaType(s, ctx, depth + 1);
  // 2020-12 `prefixItems` (rest: `items`) or draft-07 array `items` (rest: `additionalItems`).
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
  if (!prefix) return { kind: 'array', element: 'items' in schema ? sub(schema.items) : UNKNOWN };
  const restSchema = Array.isArray(schema.prefixItems) ? schema.items : schema.additionalItems;
  const elements = prefix.map(sub);
  const rest = restSchema === false ? undefined : restSchema === undefined ? UNKNOWN : sub(restSchema);
  // Elements past minItems may be missing: optional, as TypeScript spells it.
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  return {
    kind: 'tuple',
    elements: elements.map((type, i) => ({ type, optional: i >= minItems })),
    ...(rest !== undefined && !(rest.kind === 'atom' && rest.text === 'never') ? { rest } : {}),
  };
}

function objectType(schema: Schema, ctx: WalkContext, depth: number): TsType {
  const sub = (s: unknown): TsType => schemaType(s, ctx, depth + 1);
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  const members: TsMember[] = [];
  const propertyTypes: TsType[] = [];
  if (isSchemaObject(schema.properties)) {
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      const type = sub(propertySchema);
      propertyTypes.push(type);
      const doc = jsDocLines(isSchemaObject(propertySchema) ? propertySchema.description : undefined);
      members.push({ kind: 'property', key, optional: !required.has(key), type, doc });
    }
  }
  // No index signature unless the schema allows other properties: a handler
  // cannot slip an unknown field past a closed object.
  const extra: TsType[] = [];
  if (isSchemaObject(schema.patternProperties)) extra.push(...Object.values(schema.patternProperties).map(sub));
  const additional = schema.additionalProperties;
  if (additional === true || isSchemaObject(additional)) extra.push(sub(additional));
  if (extra.length > 0) {
    // TypeScript requires every named property to fit the index signature
    // (an optional one with `undefined`, under strict options).
    const optional = members.some((m) => m.kind === 'property' && m.optional) ? [atom('undefined')] : [];
    const index = propertyTypes.length > 0 ? union([...extra, ...propertyTypes, ...optional]) : union(extra);
    members.push({ kind: 'index', type: index, doc: [] });
  }
  return { kind: 'object', members };
}
