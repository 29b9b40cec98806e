/**
 * What code generation for one subschema knows: where the data is (a local
 * variable), its instancePath (a JS expression), its schemaPath (known at
 * compile time), whether it sits in a composite keyword (no defaults there,
 * as in Ajv), and the module-wide scope that owns shared constants and
 * helpers. Also the two error operations every keyword uses; the errors
 * read exactly as Ajv's.
 */
import type { Dialect } from '../../../spec/revisions.js';
import type { CodeWriter } from './code-writer.js';
import { escapeJsonPointer, jsLiteral } from './literals.js';
import type { HELPER_SOURCES } from './runtime-source.js';

export type Obj = Record<string, unknown>;

/** A format as ajv-formats defines it: the type it applies to and the check, as code. */
export interface FormatCheck {
  type: 'string' | 'number';
  test(data: string): string;
}

/** Module-wide state: shared constants, helpers, functions for `$ref`s. */
export interface ModuleScope {
  readonly dialect: Dialect;
  readonly useDefaults: boolean;
  /** Whether a call can write a default into the data: useDefaults, and a `default` somewhere in the schema. */
  readonly writesDefaults: boolean;
  /** A module-level constant holding `code` (deduplicated within the schema's chunk); returns its name. `kind` only documents the call. */
  constant(kind: string, code: string): string;
  /** Name of a shared helper (emitted once per module). */
  helper(name: keyof typeof HELPER_SOURCES): string;
  format(name: string): FormatCheck | undefined;
  /** Code testing string `d` against `pattern` as `new RegExp(pattern, "u").test(d)` does. */
  patternTest(pattern: string, d: string): string;
  /** The function validating the root schema (`#`) or a definition that needs its own function. */
  refFunction(root: Obj, ref: string): string;
  /** The index of an error site (`code`: its constant parts, an object literal) in the chunk's site table. */
  errorSite(code: string): number;
}

export interface Ctx {
  w: CodeWriter;
  scope: ModuleScope;
  root: Obj;
  data: string;
  /** instancePath as a JS expression: `pathBase` plus the fixed suffix `pathTail`. */
  path: string;
  pathBase: string;
  pathTail: string;
  schemaPath: string;
  composite: boolean;
  /** Inside `propertyNames`: the key, added to errors as `propertyName`. */
  propertyName?: string;
  /** Code for a subschema (set by compile-schema.ts; keyword modules recurse through it). */
  emit(cx: Ctx, schema: unknown): void;
}

/** The instancePath fields of a context: the expression, and its parts for appending fixed segments. */
export type PathFields = Pick<Ctx, 'path' | 'pathBase' | 'pathTail'>;

/** `""` as a path base: the exported validator's root, where paths are literals. */
const EMPTY = '""';

function pathAt(base: string, tail: string): PathFields {
  if (base === EMPTY) return { path: jsLiteral(tail), pathBase: base, pathTail: tail };
  return { path: tail ? `${base} + ${jsLiteral(tail)}` : base, pathBase: base, pathTail: tail };
}

/** The root instancePath of an internal function: its parameter. */
export const ROOT_PATH: PathFields = pathAt('instancePath', '');

/** The root instancePath of an exported validator: empty, so fixed child paths are plain literals. */
export const EXPORT_ROOT_PATH: PathFields = pathAt(EMPTY, '');

/** instancePath of a child at a fixed property name or index (fixed segments join into one literal). */
export function childPath(cx: Ctx, segment: string): PathFields {
  return pathAt(cx.pathBase, `${cx.pathTail}/${escapeJsonPointer(segment)}`);
}

/** The path expression of `cx` followed by `/` and a run-time segment: the fixed tail and the slash join into one literal, as in Ajv. */
function dynamicPath(cx: Ctx, segment: string): PathFields {
  const prefix = jsLiteral(`${cx.pathTail}/`);
  return pathAt(cx.pathBase === EMPTY ? `${prefix} + ${segment}` : `${cx.pathBase} + ${prefix} + ${segment}`, '');
}

/** instancePath of a child at a run-time key. */
export function keyPath(cx: Ctx, key: string): PathFields {
  return dynamicPath(cx, `${key}.replace(/~/g, "~0").replace(/\\//g, "~1")`);
}

/** instancePath of a child at a run-time array index. */
export function indexPath(cx: Ctx, index: string): PathFields {
  return dynamicPath(cx, index);
}

/**
 * Records one Ajv-shaped error, `{instancePath, schemaPath, keyword, params,
 * message[, propertyName]}`, as three entries of the error list: the index
 * of its site in the chunk's site table (schemaPath, keyword, and params and
 * message when they are known at compile time), its instancePath, and the
 * parts known only at run time (`undefined` for most sites). The exported
 * validator's `errors` turns the entries into Ajv's error objects when it is
 * read (compile-module.ts), so a failing call allocates no error objects:
 * callers that only ask "valid?" (a server refusing a call, anyOf trying a
 * branch) never pay for them (issue 17: the invalid path was about as fast
 * as Ajv's while it built the objects at each site, and is now 1.7-1.8x).
 * The push is written at the site: V8 inlines only the first few calls of a
 * large function within its inlining budget. One push expression, not a
 * literal for the first error and a push for the rest: the entries are
 * written once (the 1,000-tool bench's validators module: 15.5 MB with
 * both, 13.4 MB with one; 14.8 MB with the error objects written at each
 * site), and the bench's invalid calls were no slower.
 *
 * `runTime`: which parts are run-time expressions, evaluated now: `params`
 * (oneOf's passing schemas, the key of additionalProperties or
 * propertyNames) or `params and message` (uniqueItems' indices).
 */
export function addError(cx: Ctx, keyword: string, schemaPath: string, params: string, message: string, runTime?: 'params' | 'params and message'): void {
  const lateMessage = runTime === 'params and message';
  const site = cx.scope.errorSite(
    `{ schemaPath: ${jsLiteral(schemaPath)}, keyword: ${jsLiteral(keyword)}, params: ${runTime ? 'undefined' : params}, message: ${lateMessage ? 'undefined' : message} }`,
  );
  const late = runTime ? [`params: ${params}`] : [];
  if (lateMessage) late.push(`message: ${message}`);
  if (cx.propertyName) late.push(`propertyName: ${cx.propertyName}`);
  cx.w.line(`(vErrors ??= []).push(${site}, ${cx.path}, ${late.length ? `{ ${late.join(', ')} }` : 'undefined'});`);
}

/** Drops errors added since `count` was taken (a passing anyOf/oneOf/not/contains). */
export function resetErrors(cx: Ctx, count: string): void {
  cx.w.line(`vErrors = mvResetErrors(vErrors, ${count});`);
}

/** Code for a subschema of `cx` with some context changed. */
export function sub(cx: Ctx, schema: unknown, changes: Partial<Ctx>): void {
  cx.emit({ ...cx, ...changes }, schema);
}

/** The data type tests Ajv emits (strictNumbers is off under `strict: false`, so NaN is a number). */
export function isType(type: string, d: string): string {
  switch (type) {
    case 'null':
      return `${d} === null`;
    case 'array':
      return `Array.isArray(${d})`;
    case 'object':
      return `${d} && typeof ${d} == "object" && !Array.isArray(${d})`;
    case 'integer':
      return `typeof ${d} == "number" && !(${d} % 1) && !isNaN(${d})`;
    default:
      return `typeof ${d} == ${jsLiteral(type)}`;
  }
}

export function isAnyType(types: readonly string[], d: string): string {
  return types.length === 1 ? isType(types[0]!, d) : types.map((t) => `(${isType(t, d)})`).join(' || ');
}
