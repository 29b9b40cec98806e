/**
 * Test oracle: the keyword-by-keyword interpreter quick-validate.ts used
 * before it compiled each schema into check functions (commit 5052be3), kept
 * verbatim (exports renamed) so test/lint/quick-validate.test.ts can require
 * the compiled checks to give exactly the same verdicts on random input.
 * What is not keyword evaluation comes from the generator itself, so the two
 * differ only in how they evaluate: format decisions (quick-formats.ts,
 * tested against ajv-formats in test/lint/uri-format-shortcuts.test.ts) and
 * the meta-schema documents (quick-checks.ts).
 */
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
import { checkFormat } from '../../../generator/lint/checks/quick-formats.js';
import { metaSchemaDocuments } from '../../../generator/lint/checks/quick-checks.js';

type Schema = Record<string, unknown> | boolean;

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

function hasType(type: string, data: unknown): boolean | undefined {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isFinite(data) && data % 1 === 0;
    case 'boolean':
      return typeof data === 'boolean';
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isObject(data);
    default:
      return undefined;
  }
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

/** A set of schema documents by URI (no fragment), where `$ref`s resolve. */
export class QuickValidator {
  private readonly docs = new Map<string, Schema>();
  private steps = 0;
  /** Per schema object: what is computed once about it (see Entry). */
  private readonly entries = new WeakMap<object, Entry>();
  /** Resolved `$ref`s by document and reference (null: unresolvable). */
  private readonly refs = new Map<string, { schema: Schema; uri: string } | null>();
  /** Per `properties` object: its names that a plain object inherits (`constructor`...). */
  private readonly inherited = new WeakMap<object, string[]>();
  /** Per `patternProperties` object: compiled patterns (null: one does not compile or is no schema). */
  private readonly patterns = new WeakMap<object, [RegExp, Schema][] | null>();

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
    return this.check(schema, uri, data, 0);
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

  private check(schema: Schema, uri: string, data: unknown, depth: number): boolean {
    if (schema === true) return true;
    if (schema === false || !isObject(schema)) return false;
    if (depth > 512 || ++this.steps > 1_000_000) return false;
    const entry = this.entry(schema);
    if (entry.flat === undefined) entry.flat = 'allOf' in schema ? this.flatten(schema, uri, new Set()) : null;
    if (entry.flat) return this.checkFlat(entry.flat, data, depth);
    for (const key of entry.keys) {
      if (!this.keyword(key, schema[key], schema, uri, data, depth, entry)) return false;
    }
    return true;
  }

  private entry(schema: Record<string, unknown>): Entry {
    let entry = this.entries.get(schema);
    if (!entry) {
      entry = { keys: Object.keys(schema).filter((k) => !IGNORED.has(k)), flat: undefined, refUri: undefined, ref: undefined };
      this.entries.set(schema, entry);
    }
    return entry;
  }

  private keywordsOf(schema: Record<string, unknown>): string[] {
    return this.entry(schema).keys;
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
    const flat: Flat = { types: [], props: new Map(), inherited: [] };
    for (const key of this.keywordsOf(schema)) {
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
          if (!isObject(item) || typeof item.$ref !== 'string' || this.keywordsOf(item).length !== 1) return null;
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
    flat.inherited = [...flat.props.keys()].filter((name) => name in Object.prototype);
    return flat;
  }

  private checkFlat(flat: Flat, data: unknown, depth: number): boolean {
    for (const type of flat.types) if (!this.keyword('type', type, {}, '', data, depth, NO_ENTRY)) return false;
    if (!isObject(data)) return true;
    for (const name of flat.inherited) if (!Object.hasOwn(data, name) && name in data) return false;
    for (const name of Object.keys(data)) {
      const list = flat.props.get(name);
      if (!list || data[name] === undefined) continue;
      for (const { schema, uri } of list) if (!this.sub(schema, uri, data[name], depth)) return false;
    }
    return true;
  }

  private keyword(key: string, value: unknown, schema: Record<string, unknown>, uri: string, data: unknown, depth: number, entry: Entry): boolean {
    switch (key) {
      case '$id':
        // Only a document's own root $id is understood (it is how `uri` was registered).
        return this.docs.get(uri) === schema;
      case '$ref': {
        if (typeof value !== 'string') return false;
        if (entry.refUri !== uri) {
          entry.ref = this.resolve(value, uri) ?? null;
          entry.refUri = uri;
        }
        const target = entry.ref;
        return target != null && this.check(target.schema, target.uri, data, depth + 1);
      }
      case '$dynamicRef':
        if (value !== '#meta' || !this.dynamicRoot) return false;
        return this.check(this.dynamicRoot.schema, this.dynamicRoot.uri, data, depth + 1);
      case 'type':
        if (typeof value === 'string') return hasType(value, data) === true;
        return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string') && value.some((t) => hasType(t as string, data) === true);
      case 'enum':
        return Array.isArray(value) && value.some((v) => deepEqual(v, data));
      case 'const':
        return deepEqual(value, data);
      case 'minimum':
        return typeof value === 'number' && (typeof data !== 'number' || data >= value);
      case 'maximum':
        return typeof value === 'number' && (typeof data !== 'number' || data <= value);
      case 'exclusiveMinimum':
        return typeof value === 'number' && (typeof data !== 'number' || data > value);
      case 'exclusiveMaximum':
        return typeof value === 'number' && (typeof data !== 'number' || data < value);
      case 'minLength':
        return typeof value === 'number' && (typeof data !== 'string' || codePoints(data) >= value);
      case 'maxLength':
        return typeof value === 'number' && (typeof data !== 'string' || codePoints(data) <= value);
      case 'pattern': {
        if (typeof value !== 'string') return false;
        const re = unicodeRegExp(value);
        return re !== null && (typeof data !== 'string' || re.test(data));
      }
      case 'format':
        return typeof value === 'string' && checkFormat(value, data);
      case 'minItems':
        return typeof value === 'number' && (!Array.isArray(data) || data.length >= value);
      case 'maxItems':
        return typeof value === 'number' && (!Array.isArray(data) || data.length <= value);
      case 'uniqueItems':
        if (typeof value !== 'boolean') return false;
        if (!value || !Array.isArray(data)) return true;
        for (let i = 0; i < data.length; i++) for (let j = i + 1; j < data.length; j++) if (deepEqual(data[i], data[j])) return false;
        return true;
      case 'required':
        if (!Array.isArray(value)) return false;
        if (!isObject(data)) return true;
        // Ajv tests `data[name] !== undefined`; an own property is needed for a sure answer.
        return value.every((name) => typeof name === 'string' && Object.hasOwn(data, name) && data[name] !== undefined);
      case 'properties': {
        if (!isObject(value)) return false;
        if (!isObject(data)) return true;
        let inherited = this.inherited.get(value);
        if (!inherited) {
          inherited = Object.keys(value).filter((name) => name in Object.prototype);
          this.inherited.set(value, inherited);
        }
        // Ajv tests `data[name] !== undefined`, which an inherited name (`constructor`...) passes: not sure.
        for (const name of inherited) if (!Object.hasOwn(data, name) && name in data) return false;
        // The object's own keys (usually far fewer than a meta-schema's properties).
        for (const name of Object.keys(data)) {
          if (!Object.hasOwn(value, name) || data[name] === undefined) continue;
          if (!this.sub(value[name], uri, data[name], depth)) return false;
        }
        return true;
      }
      case 'patternProperties':
        // Checked together with additionalProperties when both are present.
        return 'additionalProperties' in schema ? isObject(value) : this.objectKeys(schema, uri, data, depth);
      case 'additionalProperties':
        return this.objectKeys(schema, uri, data, depth);
      case 'propertyNames':
        if (!isObject(data)) return isSchema(value);
        return isSchema(value) && Object.keys(data).every((k) => this.sub(value, uri, k, depth));
      case 'items':
        // 2020-12 `items`, or draft-07 `items` as one schema (the array form is not handled).
        if (!isSchema(value) || 'prefixItems' in schema || 'additionalItems' in schema) return false;
        return !Array.isArray(data) || data.every((item) => this.sub(value, uri, item, depth));
      case 'allOf':
        return Array.isArray(value) && value.length > 0 && value.every((s) => this.sub(s, uri, data, depth));
      case 'anyOf':
        return Array.isArray(value) && value.some((s) => this.sub(s, uri, data, depth));
      default:
        return false;
    }
  }

  /** patternProperties and additionalProperties together, as Ajv applies them. */
  private objectKeys(schema: Record<string, unknown>, uri: string, data: unknown, depth: number): boolean {
    const props = schema.properties;
    const patterns = schema.patternProperties;
    const additional = schema.additionalProperties;
    if (props !== undefined && !isObject(props)) return false;
    if (patterns !== undefined && !isObject(patterns)) return false;
    if (additional !== undefined && !isSchema(additional)) return false;
    let res = patterns ? this.patterns.get(patterns) : NO_PATTERNS;
    if (res === undefined) {
      res = [];
      for (const [p, sub] of Object.entries(patterns!)) {
        const re = unicodeRegExp(p);
        if (!re || !isSchema(sub)) {
          res = null;
          break;
        }
        res.push([re, sub]);
      }
      this.patterns.set(patterns!, res);
    }
    if (res === null) return false;
    if (!isObject(data)) return true;
    for (const key of Object.keys(data)) {
      let matched = false;
      for (const [re, s] of res) {
        if (re.test(key)) {
          matched = true;
          if (!this.sub(s, uri, data[key], depth)) return false;
        }
      }
      if (additional !== undefined && !matched && !(props && Object.hasOwn(props, key))) {
        if (!this.sub(additional, uri, data[key], depth)) return false;
      }
    }
    return true;
  }

  private sub(schema: unknown, uri: string, data: unknown, depth: number): boolean {
    return isSchema(schema) && this.check(schema, uri, data, depth + 1);
  }
}

const NO_PATTERNS: [RegExp, Schema][] = [];

/** What is computed once per schema object. */
interface Entry {
  /** Its keywords that matter (annotations left out). */
  keys: string[];
  /** Its flattened form (see flatten); null: none; undefined: not computed yet. */
  flat: Flat | null | undefined;
  /** Its `$ref` target (null: unresolvable) and the document it was resolved in. */
  refUri: string | undefined;
  ref: { schema: Schema; uri: string } | null | undefined;
}

const NO_ENTRY: Entry = { keys: [], flat: null, refUri: undefined, ref: undefined };

interface Flat {
  /** `type` values, each of which must hold. */
  types: unknown[];
  /** Property name → subschemas (with their documents), each of which must hold. */
  props: Map<string, { schema: Schema; uri: string }[]>;
  /** Property names a plain object inherits (`constructor`...): "not sure" unless own. */
  inherited: string[];
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'boolean' || isObject(v);
}

const metaValidators = new Map<string, { validator: QuickValidator; root: Schema; uri: string }>();

function metaValidator(dialect: 'draft-07' | '2020-12'): { validator: QuickValidator; root: Schema; uri: string } {
  let m = metaValidators.get(dialect);
  if (!m) {
    const { docs, root, uri, dynamicRoot } = metaSchemaDocuments(dialect);
    m = { validator: new QuickValidator(docs, dynamicRoot), root, uri };
    metaValidators.set(dialect, m);
  }
  return m;
}

/** True only when Ajv's validateSchema (dialect's meta-schema) would accept `schema`. */
export function interpretedMetaValid(dialect: 'draft-07' | '2020-12', schema: unknown): boolean {
  const { validator, root, uri } = metaValidator(dialect);
  return validator.valid(root, uri, schema);
}

const specValidators = new WeakMap<object, QuickValidator>();

/**
 * True only when Ajv would accept `value` against definition `name` of a
 * revision's schema.json (`definitionsKey`: `$defs` or `definitions`).
 */
export function interpretedDefinitionValid(specSchema: Record<string, unknown>, definitionsKey: string, name: string, value: unknown): boolean {
  const defs = specSchema[definitionsKey];
  if (!isObject(defs) || !Object.hasOwn(defs, name)) return false;
  let validator = specValidators.get(specSchema);
  if (!validator) {
    validator = new QuickValidator({ 'mcp:/schema': specSchema });
    specValidators.set(specSchema, validator);
  }
  const def = defs[name];
  return isSchema(def) && validator.valid(def, 'mcp:/schema', value);
}
