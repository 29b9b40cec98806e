/**
 * "Is this tool schema valid JSON Schema?" answered by a hand-written walk
 * over the schema, for the answer "surely yes" only. It stands before the
 * quick validator (quick-validate.ts) that interprets the dialect's
 * meta-schema, which stands before Ajv: false here means "not sure", never
 * "invalid", and the caller asks the next one.
 *
 * Why: lint checks every tool's input and output schema against the
 * meta-schema. Interpreting the 2020-12 meta-schema (seven vocabularies
 * merged, a closure call per keyword and subschema) was about 20 ms of a
 * 500-tool lint, most of it in V8's interpreter because each closure runs
 * cold; it also read eight meta-schema files first. What the meta-schemas
 * ask of a schema is small: each keyword's value has a shape (a subschema,
 * a list of them, a non-negative integer, a regex...). This file states
 * those shapes once per dialect, as the meta-schemas Ajv ships define them,
 * and checks a schema with one switch per keyword.
 *
 * Soundness: every keyword the dialect's meta-schema constrains is listed
 * with its shape, or as UNSURE; keywords it does not list are accepted with
 * any value, as the meta-schemas do (they allow additional properties).
 * Formats (`uri`, `uri-reference`, `regex`) are decided by checkFormat,
 * exactly as ajv-formats does or "not sure". test/lint/quick-validate.test.ts
 * checks it against Ajv's validateSchema on random schemas of both dialects.
 */
import type { Dialect } from '../../spec/revisions.js';
import { checkFormat } from './quick-formats.js';

/** What a meta-schema asks of a keyword's value. */
const enum Shape {
  /** A subschema: an object or a boolean, itself a valid schema. */
  Schema,
  /** A non-empty array of subschemas (`allOf`, `anyOf`, `oneOf`, 2020-12 `prefixItems`). */
  SchemaList,
  /** An object whose values are subschemas (`properties`, `$defs`). */
  SchemaMap,
  /** `patternProperties`: an object whose keys are regexes and values subschemas. */
  PatternSchemaMap,
  /** `type`: a simple type's name, or a non-empty array of distinct names. */
  Type,
  /** Any number (`minimum`...). */
  Number,
  /** A number greater than 0 (`multipleOf`). */
  PositiveNumber,
  /** An integer >= 0 (`maxLength`...). */
  Count,
  String,
  Boolean,
  /** An array, with any items (`examples`, 2020-12 `enum`). */
  Array,
  /** A non-empty array of distinct primitives (draft-07 `enum`; distinct objects: not sure). */
  DistinctList,
  /** An array of distinct strings (`required`). */
  Names,
  /** An object whose values are arrays of distinct strings (`dependentRequired`). */
  NamesMap,
  /** An object whose values are subschemas or arrays of distinct strings (`dependencies`). */
  DependencyMap,
  /** Draft-07 `items`: a subschema, or a non-empty array of them. */
  SchemaOrList,
  /** A string in `uri` format (`$schema`). */
  Uri,
  /** A string in `uri-reference` format (`$ref`...). */
  UriReference,
  /** 2020-12 `$id`: a `uri-reference` with no non-empty fragment. */
  Id,
  /** A string in `regex` format (`pattern`). */
  Regex,
  /** 2020-12 anchors: `^[A-Za-z_][-A-Za-z0-9._]*$`. */
  Anchor,
  /** Any value (`const`, `default`). */
  Any,
  /** Constrained in a way not checked here: always "not sure". */
  Unsure,
}

/** Keywords of both meta-schemas with the same shape. */
const COMMON: [string, Shape][] = [
  ['$schema', Shape.Uri],
  ['$ref', Shape.UriReference],
  ['$comment', Shape.String],
  ['title', Shape.String],
  ['description', Shape.String],
  ['default', Shape.Any],
  ['readOnly', Shape.Boolean],
  ['examples', Shape.Array],
  ['multipleOf', Shape.PositiveNumber],
  ['maximum', Shape.Number],
  ['exclusiveMaximum', Shape.Number],
  ['minimum', Shape.Number],
  ['exclusiveMinimum', Shape.Number],
  ['maxLength', Shape.Count],
  ['minLength', Shape.Count],
  ['pattern', Shape.Regex],
  ['maxItems', Shape.Count],
  ['minItems', Shape.Count],
  ['uniqueItems', Shape.Boolean],
  ['contains', Shape.Schema],
  ['maxProperties', Shape.Count],
  ['minProperties', Shape.Count],
  ['required', Shape.Names],
  ['additionalProperties', Shape.Schema],
  ['definitions', Shape.SchemaMap],
  ['properties', Shape.SchemaMap],
  ['patternProperties', Shape.PatternSchemaMap],
  ['dependencies', Shape.DependencyMap],
  ['propertyNames', Shape.Schema],
  ['const', Shape.Any],
  ['type', Shape.Type],
  ['format', Shape.String],
  ['contentMediaType', Shape.String],
  ['contentEncoding', Shape.String],
  ['if', Shape.Schema],
  ['then', Shape.Schema],
  ['else', Shape.Schema],
  ['allOf', Shape.SchemaList],
  ['anyOf', Shape.SchemaList],
  ['oneOf', Shape.SchemaList],
  ['not', Shape.Schema],
];

/** Ajv's json-schema-draft-07.json. */
const DRAFT_07 = new Map<string, Shape>([
  ...COMMON,
  ['$id', Shape.UriReference],
  ['additionalItems', Shape.Schema],
  ['items', Shape.SchemaOrList],
  ['enum', Shape.DistinctList],
]);

/** Ajv's json-schema-2020-12: schema.json and its seven vocabularies, merged. */
const DRAFT_2020_12 = new Map<string, Shape>([
  ...COMMON,
  // core
  ['$id', Shape.Id],
  ['$anchor', Shape.Anchor],
  ['$dynamicRef', Shape.UriReference],
  ['$dynamicAnchor', Shape.Anchor],
  ['$vocabulary', Shape.Unsure],
  ['$defs', Shape.SchemaMap],
  // applicator
  ['prefixItems', Shape.SchemaList],
  ['items', Shape.Schema],
  ['dependentSchemas', Shape.SchemaMap],
  // unevaluated
  ['unevaluatedItems', Shape.Schema],
  ['unevaluatedProperties', Shape.Schema],
  // validation
  ['enum', Shape.Array],
  ['maxContains', Shape.Count],
  ['minContains', Shape.Count],
  ['dependentRequired', Shape.NamesMap],
  // meta-data
  ['deprecated', Shape.Boolean],
  ['writeOnly', Shape.Boolean],
  // content
  ['contentSchema', Shape.Schema],
  // schema.json's keywords of earlier drafts
  ['$recursiveAnchor', Shape.Unsure],
  ['$recursiveRef', Shape.Unsure],
]);

const SIMPLE_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const ID_FRAGMENT = /^[^#]*#?$/;
const ANCHOR = /^[A-Za-z_][-A-Za-z0-9._]*$/;
/** Deeper than this: not sure (a bound on recursion; real schemas are far shallower). */
const MAX_DEPTH = 256;

/** True only when Ajv's validateSchema under `dialect`'s meta-schema surely accepts `schema`. */
export function surelyValidSchema(dialect: Dialect, schema: unknown): boolean {
  const shapes = dialect === 'draft-07' ? DRAFT_07 : DRAFT_2020_12;
  return !inheritsKeyword(shapes) && validSchema(shapes, schema, 0);
}

const inheritance = new WeakMap<Map<string, Shape>, boolean>();
/**
 * Whether Object.prototype has a keyword's name (a polluted prototype): Ajv
 * reads `data[keyword]`, which would then answer for every schema. Decided
 * on first use, as the quick validator decides it when it compiles: a
 * lookup per keyword per schema was half of this check's time.
 */
function inheritsKeyword(shapes: Map<string, Shape>): boolean {
  let inherits = inheritance.get(shapes);
  if (inherits === undefined) {
    inherits = [...shapes.keys()].some((key) => key in Object.prototype);
    inheritance.set(shapes, inherits);
  }
  return inherits;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validSchema(shapes: Map<string, Shape>, schema: unknown, depth: number): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isObject(schema) || depth > MAX_DEPTH || Object.getPrototypeOf(schema) !== Object.prototype) return false;
  // The own keys of a parsed manifest's plain object (no prototype keys: checked above).
  for (const key in schema) {
    const shape = shapes.get(key);
    if (shape === undefined) continue; // a keyword the meta-schema does not constrain
    const value = schema[key];
    // Ajv's `properties` skip a value that is undefined (no parsed manifest holds one).
    if (value !== undefined && !hasShape(shapes, shape, value, depth)) return false;
  }
  return true;
}

function hasShape(shapes: Map<string, Shape>, shape: Shape, value: unknown, depth: number): boolean {
  switch (shape) {
    case Shape.Schema:
      return validSchema(shapes, value, depth + 1);
    case Shape.SchemaList:
      return Array.isArray(value) && value.length > 0 && everySchema(shapes, value, depth);
    case Shape.SchemaMap:
      return isObject(value) && everyValueSchema(shapes, value, depth);
    case Shape.PatternSchemaMap:
      if (!isObject(value)) return false;
      for (const key in value) if (!checkFormat('regex', key)) return false;
      return everyValueSchema(shapes, value, depth);
    case Shape.Type:
      return typeof value === 'string' ? SIMPLE_TYPES.has(value) : Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && SIMPLE_TYPES.has(t)) && distinctStrings(value as string[]);
    case Shape.Number:
      return typeof value === 'number' && Number.isFinite(value);
    case Shape.PositiveNumber:
      return typeof value === 'number' && Number.isFinite(value) && value > 0;
    case Shape.Count:
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case Shape.String:
      return typeof value === 'string';
    case Shape.Boolean:
      return typeof value === 'boolean';
    case Shape.Array:
      return Array.isArray(value);
    case Shape.DistinctList:
      return Array.isArray(value) && value.length > 0 && value.every((v) => v === null || typeof v !== 'object') && new Set(value).size === value.length;
    case Shape.Names:
      return Array.isArray(value) && value.every((name) => typeof name === 'string') && distinctStrings(value as string[]);
    case Shape.NamesMap:
      if (!isObject(value)) return false;
      for (const key in value) if (!hasShape(shapes, Shape.Names, value[key], depth)) return false;
      return true;
    case Shape.DependencyMap:
      if (!isObject(value)) return false;
      for (const key in value) {
        const entry = value[key];
        // The meta-schemas' anyOf [schema, string list]: an array can only be the list.
        if (!(Array.isArray(entry) ? hasShape(shapes, Shape.Names, entry, depth) : validSchema(shapes, entry, depth + 1))) return false;
      }
      return true;
    case Shape.SchemaOrList:
      return Array.isArray(value) ? value.length > 0 && everySchema(shapes, value, depth) : validSchema(shapes, value, depth + 1);
    case Shape.Uri:
      return typeof value === 'string' && checkFormat('uri', value);
    case Shape.UriReference:
      return typeof value === 'string' && checkFormat('uri-reference', value);
    case Shape.Id:
      return typeof value === 'string' && ID_FRAGMENT.test(value) && checkFormat('uri-reference', value);
    case Shape.Regex:
      return typeof value === 'string' && checkFormat('regex', value);
    case Shape.Anchor:
      return typeof value === 'string' && ANCHOR.test(value);
    case Shape.Any:
      return true;
    case Shape.Unsure:
      return false;
  }
}

function everySchema(shapes: Map<string, Shape>, list: unknown[], depth: number): boolean {
  for (let i = 0; i < list.length; i++) if (!validSchema(shapes, list[i], depth + 1)) return false;
  return true;
}

function everyValueSchema(shapes: Map<string, Shape>, map: Record<string, unknown>, depth: number): boolean {
  for (const key in map) if (!validSchema(shapes, map[key], depth + 1)) return false;
  return true;
}

/** No string twice (uniqueItems); a set only for longer lists. */
function distinctStrings(list: string[]): boolean {
  if (list.length > 8) return new Set(list).size === list.length;
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (list[i] === list[j]) return false;
  return true;
}
