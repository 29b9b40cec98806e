/**
 * Decides whether mcpgen's own compiler can take a schema, or the schema goes
 * through Ajv (the reference). A schema qualifies only if every keyword is one
 * the compiler reproduces exactly and every keyword value has the shape the
 * dialect's meta-schema allows: Ajv validates schemas against the meta-schema
 * and rejects bad ones, so anything doubtful goes to Ajv, which then reports
 * the same error as before. Returns why a schema does not qualify, or
 * undefined.
 */
import type { Dialect } from '../../../spec/revisions.js';
import { ANNOTATION_KEYWORDS, hasRef, RULE_KEYWORDS } from './keywords.js';
import { localRefTarget } from './refs.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const META_SCHEMAS: Record<Dialect, readonly string[]> = {
  'draft-07': ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema'],
  '2020-12': ['https://json-schema.org/draft/2020-12/schema'],
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSchema = (v: unknown): boolean => typeof v === 'boolean' || isObject(v);
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isSchemaList = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0 && v.every(isSchema);

/** ajv-formats' `regex` format (what the meta-schema requires of `pattern`): compiles with `u`, no `\Z`. */
export function isValidPattern(pattern: unknown): pattern is string {
  if (typeof pattern !== 'string' || /[^\\]\\Z/.test(pattern)) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function checkType(type: unknown): boolean {
  if (typeof type === 'string') return JSON_TYPES.has(type);
  return Array.isArray(type) && type.length > 0 && new Set(type).size === type.length && type.every((t) => typeof t === 'string' && JSON_TYPES.has(t));
}

/** Value checks per keyword; `undefined` means the keyword is not handled here. */
function keywordOk(key: string, value: unknown, dialect: Dialect, useDefaults: boolean): boolean | undefined {
  switch (key) {
    case 'type':
      return checkType(value);
    case 'const':
    case 'default':
      return true;
    case 'enum':
      return Array.isArray(value) && value.length > 0;
    case 'not':
    case 'propertyNames':
    case 'additionalProperties':
    case 'contains':
      return isSchema(value);
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
    case 'prefixItems':
      return isSchemaList(value);
    case 'items':
      if (dialect === '2020-12' || !Array.isArray(value)) return isSchema(value);
      // A tuple entry's `default` fills array slots (Ajv useDefaults): not reproduced.
      return isSchemaList(value) && !(useDefaults && value.some((s) => isObject(s) && s.default !== undefined));
    case 'additionalItems':
      return isSchema(value);
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return typeof value === 'number' && Number.isFinite(value);
    case 'multipleOf':
      return typeof value === 'number' && Number.isFinite(value) && value > 0;
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
      return isCount(value);
    case 'pattern':
      return isValidPattern(value);
    case 'format':
    case 'title':
    case 'description':
    case '$comment':
      return typeof value === 'string';
    case 'uniqueItems':
    case 'deprecated':
    case 'readOnly':
    case 'writeOnly':
      return typeof value === 'boolean';
    case 'examples':
      return Array.isArray(value);
    case 'required':
      return Array.isArray(value) && value.every((r) => typeof r === 'string') && new Set(value).size === value.length;
    case 'properties':
    case '$defs':
    case 'definitions':
      return isObject(value) && !Object.hasOwn(value, '__proto__') && Object.values(value).every(isSchema);
    case 'patternProperties':
      return isObject(value) && !Object.hasOwn(value, '__proto__') && Object.keys(value).every(isValidPattern) && Object.values(value).every(isSchema);
    default:
      return undefined;
  }
}

/**
 * Whether following `ref` through definitions that are nothing but another
 * `$ref` comes back to a definition already seen (Ajv overflows its stack
 * resolving such a chain; mcpgen's code would recurse forever).
 */
function refLoops(root: Obj, ref: string, dialect: Dialect): boolean {
  const seen = new Set<string>();
  let current: string | undefined = ref;
  while (current !== undefined) {
    if (seen.has(current)) return true;
    seen.add(current);
    const target = localRefTarget(root, current);
    if (!isObject(target) || typeof target.$ref !== 'string') return false;
    const rules = RULE_KEYWORDS[dialect];
    if (Object.keys(target).some((k) => k !== '$ref' && rules.has(k))) return false;
    current = target.$ref;
  }
  return false;
}

const SINGLE = new Set(['not', 'propertyNames', 'additionalProperties', 'contains', 'additionalItems', 'items']);
const LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items']);
const MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/** State of one walk: what it saw (for whole-schema checks) and where it is (for the reason). */
interface Walk {
  root: Obj;
  dialect: Dialect;
  useDefaults: boolean;
  /** Pointer segments to the schema being checked; joined only when reporting. */
  at: string[];
  refs: boolean;
  defaults: boolean;
}

const here = (walk: Walk, key: string): string => `/${[...walk.at, key].join('/')}`;

function checkAt(walk: Walk, schema: unknown, ...segments: string[]): string | undefined {
  walk.at.push(...segments);
  const reason = check(walk, schema);
  walk.at.length -= segments.length;
  return reason;
}

/** Checks every subschema of a schema object whose own keywords passed. */
function checkSubschemas(walk: Walk, schema: Obj): string | undefined {
  for (const key in schema) {
    const value = schema[key];
    let reason: string | undefined;
    if (LISTS.has(key) && Array.isArray(value)) {
      for (let i = 0; i < value.length && !reason; i++) reason = checkAt(walk, value[i], key, String(i));
    } else if (SINGLE.has(key)) reason = checkAt(walk, value, key);
    else if (MAPS.has(key)) {
      const map = value as Obj;
      for (const name in map) {
        reason = checkAt(walk, map[name], key, name);
        if (reason) break;
      }
    }
    if (reason) return reason;
  }
  return undefined;
}

function check(walk: Walk, schema: unknown): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  if (!isObject(schema)) return `${here(walk, '')}: not a schema`;
  const { root, dialect } = walk;
  const rules = RULE_KEYWORDS[dialect];
  const atRoot = walk.at.length === 0;
  for (const key in schema) {
    const value = schema[key];
    if (key.startsWith('x-')) continue;
    if (atRoot && key === '$schema') {
      if (!META_SCHEMAS[dialect].includes(value as string)) return `$schema ${String(value)}`;
      continue;
    }
    if (atRoot && key === '$id' && typeof value === 'string') continue;
    if (!rules.has(key) && !ANNOTATION_KEYWORDS.has(key)) return `${here(walk, key)}: keyword not compiled by mcpgen`;
    if (key === '$ref') {
      if (typeof value !== 'string' || localRefTarget(root, value) === undefined) return `${here(walk, key)}: not a local definition`;
      if (refLoops(root, value, dialect)) return `${here(walk, key)}: refers to itself`;
      walk.refs = true;
      continue;
    }
    if (key === 'default') walk.defaults = true;
    if (keywordOk(key, value, dialect, walk.useDefaults) !== true) return `${here(walk, key)}: value not compiled by mcpgen`;
  }
  return checkSubschemas(walk, schema);
}

/** Whether some `$ref` in `schema` becomes a function of its own (the root, or a definition holding refs). */
function hasRefFunction(node: unknown, root: Obj): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some((n) => hasRefFunction(n, root));
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && (value === '#' || hasRef(localRefTarget(root, value)))) return true;
    if (hasRefFunction(value, root)) return true;
  }
  return false;
}

/** Why mcpgen's compiler does not take `schema` (then Ajv does), or undefined when it does. */
export function unsupportedReason(schema: Obj, dialect: Dialect, useDefaults: boolean): string | undefined {
  const walk: Walk = { root: schema, dialect, useDefaults, at: [], refs: false, defaults: false };
  const reason = check(walk, schema);
  if (reason) return reason;
  // A definition compiled to a function of its own applies its defaults
  // wherever it is called from, where Ajv's early exits (inside `not`, after
  // a passing anyOf branch) decide which calls happen: such schemas go to Ajv.
  if (useDefaults && walk.refs && walk.defaults && hasRefFunction(schema, schema)) return 'default with $ref';
  return undefined;
}
