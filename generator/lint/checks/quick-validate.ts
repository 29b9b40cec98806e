/**
 * A sound fast path in front of Ajv for lint: answers "Ajv would surely
 * accept this" for the common case, or "not sure", and then the caller asks
 * Ajv, whose errors become the diagnostics. So the messages never change;
 * only the time to say "valid" does.
 *
 * Why: compiling the 2020-12 meta-schema and the revision's schema.json with
 * Ajv was about a quarter of `mcpgen lint` on a large manifest, while nearly
 * every object linted is valid. Interpreting the schema directly answers
 * those without loading Ajv at all.
 *
 * Soundness: `true` only when every keyword met is one implemented here the
 * way Ajv evaluates it (Ajv 8 with allErrors, strict off, ajv-formats,
 * $ref siblings applied); any other keyword, an anchor, a nested $id, an
 * inherited property name or an unknown format gives "not sure". Keywords
 * whose result would have to be exact when false (not, oneOf, if) are not
 * implemented, so "not sure" may stand in for "invalid" anywhere.
 * test/lint/quick-validate.test.ts compares it with Ajv on random schemas
 * and objects.
 */
import { checkFormat } from './quick-formats.js';

export type Schema = Record<string, unknown> | boolean;

/** Keywords that never affect validity in Ajv (annotations, and containers read only through $ref). */
const IGNORED = new Set([
  '$schema', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  '$defs', 'definitions', '$vocabulary', '$dynamicAnchor',
]);

const regexCache = new Map<string, RegExp | null>();
function unicodeRegExp(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const ob = b as Record<string, unknown>;
  if (ka.length !== Object.keys(ob).length) return false;
  return ka.every((k) => Object.hasOwn(ob, k) && deepEqual((a as Record<string, unknown>)[k], ob[k]));
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * A check compiled from one (sub)schema or keyword: true only when Ajv
 * would surely accept `data` there. A keyword's check gets the depth of its
 * schema; a schema's check gets the depth of the schema it is nested in and
 * runs one level deeper (compile), so no wrapper per subschema is needed.
 */
type Check = (data: unknown, depth: number) => boolean;

const TRUE: Check = () => true;
const FALSE: Check = () => false;

/** Counts of compilations (test/lint/quick-validate.test.ts: they must not grow with the number of tools). */
export const quickValidateWork = { schemasCompiled: 0 };

/**
 * A set of schema documents by URI (no fragment), where `$ref`s resolve.
 *
 * Each (schema object, document) pair met is compiled once, on first use,
 * into a Check closure: the keyword dispatch, `$ref` resolution, type and
 * pattern lookups happen then, not for every value checked (a lint checks
 * the same meta-schema and definitions against every tool). The verdicts are
 * those of the keyword-by-keyword interpreter this replaced
 * (test/lint/oracles/quick-validate-interpreted.ts).
 */
export class QuickValidator {
  private readonly docs = new Map<string, Schema>();
  private steps = 0;
  /** Per schema object, per document URI: its compiled check (wrapped with the depth and step bounds). */
  private readonly compiled = new WeakMap<object, Map<string, Check>>();
  /** Resolved `$ref`s by document and reference (null: unresolvable). */
  private readonly refs = new Map<string, { schema: Schema; uri: string } | null>();

  /**
   * @param dynamicRoot the schema `$dynamicRef: "#meta"` resolves to (the
   * entry meta-schema, whose `$dynamicAnchor: meta` is outermost in every
   * dynamic scope of a meta-schema check); undefined: such refs are "not sure".
   */
  constructor(
    docs: Record<string, Schema>,
    private readonly dynamicRoot?: { uri: string; schema: Schema },
  ) {
    for (const [uri, schema] of Object.entries(docs)) this.docs.set(uri.replace(/#$/, ''), schema);
  }

  /** True only when Ajv would accept `data` against `schema` (of document `uri`); false: not sure. */
  valid(schema: Schema, uri: string, data: unknown): boolean {
    this.steps = 0;
    return this.compile(schema, uri)(data, -1);
  }

  /** Resolves `$ref` against document `uri`: the target and its document, or undefined. */
  private resolve(ref: string, uri: string): { schema: Schema; uri: string } | undefined {
    const key = uri + '\u0000' + ref;
    let found = this.refs.get(key);
    if (found === undefined) {
      found = this.resolveUncached(ref, uri) ?? null;
      this.refs.set(key, found);
    }
    return found ?? undefined;
  }

  private resolveUncached(ref: string, uri: string): { schema: Schema; uri: string } | undefined {
    const hash = ref.indexOf('#');
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    let target = uri;
    if (path !== '') {
      try {
        target = new URL(path, uri).href;
      } catch {
        return undefined;
      }
    }
    let node: unknown = this.docs.get(target);
    if (node === undefined) return undefined;
    if (fragment !== '') {
      if (!fragment.startsWith('/')) return undefined; // anchors: not sure
      for (const raw of fragment.slice(1).split('/')) {
        let seg: string;
        try {
          seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        } catch {
          return undefined;
        }
        if (!isObject(node) || !Object.hasOwn(node, seg)) return undefined;
        node = node[seg];
      }
    }
    return isObject(node) || typeof node === 'boolean' ? { schema: node, uri: target } : undefined;
  }

  /**
   * The check of `schema` read in document `uri`. Its body is built on the
   * first call, so recursive schemas (`$ref: "#"`, `$dynamicRef`) compile
   * lazily and each pair is compiled at most once per validator.
   */
  private compile(schema: unknown, uri: string): Check {
    if (schema === true) return TRUE;
    if (schema === false || !isObject(schema)) return FALSE;
    // Nothing but annotations (`{}`, `{ description }`): holds for every value, at any depth, as in Ajv.
    if (keywordsOf(schema).length === 0) return TRUE;
    let byUri = this.compiled.get(schema);
    if (!byUri) {
      byUri = new Map();
      this.compiled.set(schema, byUri);
    }
    let check = byUri.get(uri);
    if (!check) {
      let body: Check | undefined;
      // Called with the depth of the schema check it is nested in (-1 at the root): one level deeper.
      check = (data, outer) => {
        const depth = outer + 1;
        if (depth > 512 || ++this.steps > 1_000_000) return false;
        return (body ??= this.build(schema, uri))(data, depth);
      };
      byUri.set(uri, check);
    }
    return check;
  }

  /** A subschema position: a schema is checked one level deeper; anything else is "not sure". */
  private sub(schema: unknown, uri: string): Check {
    if (!isSchema(schema)) return FALSE;
    return this.compile(schema, uri); // a compiled check counts its level itself
  }

  private build(schema: Record<string, unknown>, uri: string): Check {
    quickValidateWork.schemasCompiled++;
    if ('allOf' in schema) {
      const flat = this.flatten(schema, uri, new Set());
      if (flat) return this.buildFlat(flat);
    }
    const checks: Check[] = [];
    for (const key of keywordsOf(schema)) {
      const check = this.keyword(key, schema[key], schema, uri);
      if (check === FALSE) return FALSE;
      if (check !== TRUE) checks.push(check);
    }
    return all(checks);
  }

  /**
   * A schema made only of `type`, `properties` and `allOf: [{ $ref }...]` of
   * such schemas (the 2020-12 meta-schema: its vocabularies), merged into one
   * list of types and one map of property subschemas. Same answer as
   * evaluating the allOf, without walking seven meta-schemas per node.
   */
  private flatten(schema: Record<string, unknown>, uri: string, seen: Set<object>): Flat | null {
    if (seen.has(schema)) return null;
    seen.add(schema);
    const flat: Flat = { types: [], props: new Map() };
    for (const key of keywordsOf(schema)) {
      const value = schema[key];
      if (key === '$id') {
        if (this.docs.get(uri) !== schema) return null;
      } else if (key === 'type') {
        flat.types.push(value);
      } else if (key === 'properties') {
        if (!isObject(value)) return null;
        for (const name of Object.keys(value)) {
          const sub = value[name];
          if (!isSchema(sub)) return null;
          const list = flat.props.get(name) ?? [];
          list.push({ schema: sub, uri });
          flat.props.set(name, list);
        }
      } else if (key === 'allOf') {
        if (!Array.isArray(value) || value.length === 0) return null;
        for (const item of value) {
          if (!isObject(item) || typeof item.$ref !== 'string' || keywordsOf(item).length !== 1) return null;
          const target = this.resolve(item.$ref, uri);
          if (!target || !isObject(target.schema)) return null;
          const inner = this.flatten(target.schema, target.uri, seen);
          if (!inner) return null;
          flat.types.push(...inner.types);
          for (const [name, list] of inner.props) flat.props.set(name, [...(flat.props.get(name) ?? []), ...list]);
        }
      } else {
        return null;
      }
    }
    return flat;
  }

  private buildFlat(flat: Flat): Check {
    const types: Check[] = [];
    for (const type of flat.types) {
      const check = typeCheck(type);
      if (check === FALSE) return FALSE;
      types.push(check);
    }
    const typeOk = all(types);
    const props = new Map<string, Check>();
    for (const [name, list] of flat.props) props.set(name, all(list.map(({ schema, uri }) => this.sub(schema, uri))));
    const inherited = [...flat.props.keys()].filter((name) => name in Object.prototype);
    return (data, depth) => {
      if (!typeOk(data, depth)) return false;
      if (!isObject(data)) return true;
      return propertiesHold(props, inherited, data, depth);
    };
  }

  /** The check of one keyword of `schema` (FALSE: never sure; TRUE: always holds). */
  private keyword(key: string, value: unknown, schema: Record<string, unknown>, uri: string): Check {
    switch (key) {
      case '$id':
        // Only a document's own root $id is understood (it is how `uri` was registered).
        return this.docs.get(uri) === schema ? TRUE : FALSE;
      case '$ref': {
        if (typeof value !== 'string') return FALSE;
        const target = this.resolve(value, uri);
        return target ? this.sub(target.schema, target.uri) : FALSE;
      }
      case '$dynamicRef':
        if (value !== '#meta' || !this.dynamicRoot) return FALSE;
        return this.sub(this.dynamicRoot.schema, this.dynamicRoot.uri);
      case 'type':
        return typeCheck(value);
      case 'enum':
        return enumCheck(value);
      case 'const':
        if (value === null || typeof value !== 'object') return (data) => data === value || (value !== value && data !== data);
        return (data) => deepEqual(value, data);
      case 'minimum':
        return typeof value === 'number' ? (data) => typeof data !== 'number' || data >= value : FALSE;
      case 'maximum':
        return typeof value === 'number' ? (data) => typeof data !== 'number' || data <= value : FALSE;
      case 'exclusiveMinimum':
        return typeof value === 'number' ? (data) => typeof data !== 'number' || data > value : FALSE;
      case 'exclusiveMaximum':
        return typeof value === 'number' ? (data) => typeof data !== 'number' || data < value : FALSE;
      case 'minLength':
        return typeof value === 'number' ? (data) => typeof data !== 'string' || codePoints(data) >= value : FALSE;
      case 'maxLength':
        return typeof value === 'number' ? (data) => typeof data !== 'string' || codePoints(data) <= value : FALSE;
      case 'pattern': {
        const re = typeof value === 'string' ? unicodeRegExp(value) : null;
        return re === null ? FALSE : (data) => typeof data !== 'string' || re.test(data);
      }
      case 'format':
        return typeof value === 'string' ? (data) => checkFormat(value, data) : FALSE;
      case 'minItems':
        return typeof value === 'number' ? (data) => !Array.isArray(data) || data.length >= value : FALSE;
      case 'maxItems':
        return typeof value === 'number' ? (data) => !Array.isArray(data) || data.length <= value : FALSE;
      case 'uniqueItems':
        if (typeof value !== 'boolean') return FALSE;
        if (!value) return TRUE;
        return (data) => {
          if (!Array.isArray(data)) return true;
          for (let i = 0; i < data.length; i++) for (let j = i + 1; j < data.length; j++) if (deepEqual(data[i], data[j])) return false;
          return true;
        };
      case 'required': {
        if (!Array.isArray(value)) return FALSE;
        // Non-string names: never sure for an object (the interpreter's `every` failed on them).
        if (!value.every((name) => typeof name === 'string')) return (data) => !isObject(data);
        const names = value as string[];
        // Ajv tests `data[name] !== undefined`; an own property is needed for a sure answer.
        return (data) => {
          if (!isObject(data)) return true;
          for (let i = 0; i < names.length; i++) if (!Object.hasOwn(data, names[i]!) || data[names[i]!] === undefined) return false;
          return true;
        };
      }
      case 'properties': {
        if (!isObject(value)) return FALSE;
        const props = new Map<string, Check>();
        for (const name of Object.keys(value)) props.set(name, this.sub(value[name], uri));
        // Ajv tests `data[name] !== undefined`, which an inherited name (`constructor`...) passes: not sure.
        const inherited = Object.keys(value).filter((name) => name in Object.prototype);
        return (data, depth) => !isObject(data) || propertiesHold(props, inherited, data, depth);
      }
      case 'patternProperties':
        // Checked together with additionalProperties when both are present.
        if ('additionalProperties' in schema) return isObject(value) ? TRUE : FALSE;
        return this.objectKeys(schema, uri);
      case 'additionalProperties':
        return this.objectKeys(schema, uri);
      case 'propertyNames': {
        if (!isSchema(value)) return FALSE;
        const name = this.sub(value, uri);
        return (data, depth) => {
          if (!isObject(data)) return true;
          for (const k in data) if (!name(k, depth)) return false;
          return true;
        };
      }
      case 'items': {
        // 2020-12 `items`, or draft-07 `items` as one schema (the array form is not handled).
        if (!isSchema(value) || 'prefixItems' in schema || 'additionalItems' in schema) return FALSE;
        const item = this.sub(value, uri);
        return (data, depth) => {
          if (!Array.isArray(data)) return true;
          for (let i = 0; i < data.length; i++) if (!item(data[i], depth)) return false;
          return true;
        };
      }
      case 'allOf': {
        if (!Array.isArray(value) || value.length === 0) return FALSE;
        const checks = value.map((s) => this.sub(s, uri));
        return checks.includes(FALSE) ? FALSE : all(checks.filter((c) => c !== TRUE));
      }
      case 'anyOf': {
        if (!Array.isArray(value)) return FALSE;
        const checks = value.map((s) => this.sub(s, uri)).filter((c) => c !== FALSE);
        if (checks.includes(TRUE)) return TRUE;
        if (checks.length === 0) return FALSE;
        return (data, depth) => {
          for (let i = 0; i < checks.length; i++) if (checks[i]!(data, depth)) return true;
          return false;
        };
      }
      default:
        return FALSE;
    }
  }

  /** patternProperties and additionalProperties together, as Ajv applies them. */
  private objectKeys(schema: Record<string, unknown>, uri: string): Check {
    const props = schema.properties;
    const patterns = schema.patternProperties;
    const additional = schema.additionalProperties;
    if (props !== undefined && !isObject(props)) return FALSE;
    if (patterns !== undefined && !isObject(patterns)) return FALSE;
    if (additional !== undefined && !isSchema(additional)) return FALSE;
    const compiled: [RegExp, Check][] = [];
    for (const [p, sub] of Object.entries(patterns ?? {})) {
      const re = unicodeRegExp(p);
      if (!re || !isSchema(sub)) return FALSE;
      compiled.push([re, this.sub(sub, uri)]);
    }
    const rest = additional === undefined ? undefined : this.sub(additional, uri);
    if (compiled.length === 0 && (rest === undefined || rest === TRUE)) return TRUE;
    return (data, depth) => {
      if (!isObject(data)) return true;
      for (const key in data) {
        let matched = false;
        for (let i = 0; i < compiled.length; i++) {
          if (compiled[i]![0].test(key)) {
            matched = true;
            if (!compiled[i]![1](data[key], depth)) return false;
          }
        }
        if (rest !== undefined && !matched && !(props && Object.hasOwn(props, key))) {
          if (!rest(data[key], depth)) return false;
        }
      }
      return true;
    };
  }
}

/*
 * The checks on an object's keys loop with `for...in` rather than over
 * Object.keys: on the plain objects of a parsed manifest it visits the same
 * keys in the same order without allocating an array per object checked
 * (several per schema node and tool, a large part of lint's garbage). Were
 * Object.prototype ever given an enumerable key, it would only add checks
 * to a conjunction: the answer could become "not sure", never a wrong "valid".
 */

/** A schema's keywords that matter (annotations left out), computed once per schema object. */
const keywordLists = new WeakMap<object, string[]>();
function keywordsOf(schema: Record<string, unknown>): string[] {
  let keys = keywordLists.get(schema);
  if (!keys) {
    keys = Object.keys(schema).filter((k) => !IGNORED.has(k));
    keywordLists.set(schema, keys);
  }
  return keys;
}

/** Every check holds (an empty list: TRUE). */
function all(checks: Check[]): Check {
  if (checks.length === 0) return TRUE;
  if (checks.length === 1) return checks[0]!;
  if (checks.length === 2) {
    const [a, b] = checks as [Check, Check];
    return (data, depth) => a(data, depth) && b(data, depth);
  }
  return (data, depth) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(data, depth)) return false;
    return true;
  };
}

/** `properties` on an object: every own key with a subschema and a defined value holds there. */
function propertiesHold(props: Map<string, Check>, inherited: string[], data: Record<string, unknown>, depth: number): boolean {
  for (let i = 0; i < inherited.length; i++) if (!Object.hasOwn(data, inherited[i]!) && inherited[i]! in data) return false;
  // The object's own keys (usually far fewer than a meta-schema's properties).
  for (const name in data) {
    const check = props.get(name);
    if (check === undefined) continue;
    const value = data[name];
    if (value !== undefined && !check(value, depth)) return false;
  }
  return true;
}

const TYPE_CHECKS: Record<string, Check> = {
  string: (data) => typeof data === 'string',
  number: (data) => typeof data === 'number' && Number.isFinite(data),
  integer: (data) => typeof data === 'number' && Number.isFinite(data) && data % 1 === 0,
  boolean: (data) => typeof data === 'boolean',
  null: (data) => data === null,
  array: (data) => Array.isArray(data),
  object: (data) => isObject(data),
};

/** `type`: one name, or a non-empty list of names of which one holds; unknown names never hold. */
function typeCheck(value: unknown): Check {
  if (typeof value === 'string') return Object.hasOwn(TYPE_CHECKS, value) ? TYPE_CHECKS[value]! : FALSE;
  if (!Array.isArray(value) || value.length === 0 || !value.every((t) => typeof t === 'string')) return FALSE;
  const checks = [...new Set(value as string[])].filter((t) => Object.hasOwn(TYPE_CHECKS, t)).map((t) => TYPE_CHECKS[t]!);
  if (checks.length === 0) return FALSE;
  if (checks.length === 1) return checks[0]!;
  return (data, depth) => {
    for (let i = 0; i < checks.length; i++) if (checks[i]!(data, depth)) return true;
    return false;
  };
}

/** `enum`: deep equality with one member; a set lookup when every member is a primitive. */
function enumCheck(value: unknown): Check {
  if (!Array.isArray(value)) return FALSE;
  if (value.every((v) => v === null || typeof v !== 'object')) {
    // deepEqual(primitive, data) is `===` or both NaN: the set's SameValueZero; an object equals no primitive.
    const members = new Set(value);
    return (data) => (data === null || typeof data !== 'object') && members.has(data);
  }
  return (data) => value.some((v) => deepEqual(v, data));
}

interface Flat {
  /** `type` values, each of which must hold. */
  types: unknown[];
  /** Property name → subschemas (with their documents), each of which must hold. */
  props: Map<string, { schema: Schema; uri: string }[]>;
}

export function isSchema(v: unknown): v is Schema {
  return typeof v === 'boolean' || isObject(v);
}
