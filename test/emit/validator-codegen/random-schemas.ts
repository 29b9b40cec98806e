/**
 * Seeded random JSON Schemas over the keywords mcpgen's validator compiler
 * handles, and random instances near them (mostly shaped by the schema, with
 * random mutations), for the differential test against Ajv.
 */
import type { Dialect } from '../../../generator/spec/revisions.js';

type Obj = Record<string, unknown>;

export class Random {
  constructor(private seed: number) {}
  next(): number {
    // mulberry32
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  some<T>(items: readonly T[], max: number): T[] {
    const out: T[] = [];
    for (let i = this.int(max + 1); i > 0; i--) {
      const item = this.pick(items);
      if (!out.includes(item)) out.push(item);
    }
    return out;
  }
}

const NAMES = ['a', 'b', 'name', 'count', 'constructor', 'toString', 'a/b', 'ti~lde', 'x y', '1', 'é', '$ref'];
const PATTERNS = ['^[a-z]+$', '^[A-Z]{2}$', '\\d', '^.{2,}$', '^\\p{L}+$', '😀', '^x'];
const FORMATS = ['date', 'date-time', 'time', 'email', 'uri', 'uuid', 'ipv4', 'hostname', 'int32', 'unknown-format', 'binary', 'duration', 'regex'];
const STRINGS = ['', 'a', 'abc', 'AB', 'ab12', 'é', '😀😀', '😀', '2020-01-01', '2020-13-01', '2020-02-30T10:00:00Z', '10:00:00Z', 'user@example.com', 'not an email', 'http://a.b/c', 'x/y~z', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '127.0.0.1', 'P1D', '[', 'xx'];
const NUMBERS = [0, 1, -1, 2, 3, 2.5, 0.3, 100, -100, 1e21, 2147483648, 7, 0.1];
const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

function scalar(r: Random): unknown {
  switch (r.int(6)) {
    case 0:
      return r.pick(STRINGS);
    case 1:
      return r.pick(NUMBERS);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    case 4:
      return r.chance(0.5) ? [] : [r.pick(STRINGS), r.pick(NUMBERS)];
    default:
      return r.chance(0.5) ? {} : { [r.pick(NAMES)]: r.pick(NUMBERS) };
  }
}

export class SchemaGen {
  constructor(
    private readonly r: Random,
    private readonly dialect: Dialect,
    private readonly defs: string[] = [],
  ) {}

  schema(depth: number): unknown {
    const r = this.r;
    if (r.chance(0.04)) return r.chance(0.7);
    if (this.defs.length && r.chance(0.1)) {
      // Ajv applies a $ref's sibling keywords too (before them, as the first keyword).
      const siblings = r.chance(0.3) ? { type: r.pick(['object', 'string', 'integer']), enum: [1, 'a', { a: 1 }] } : r.chance(0.2) ? { description: 'ref' } : {};
      return { $ref: `#/$defs/${r.pick(this.defs)}`, ...siblings };
    }
    const s: Obj = {};
    const kind = r.pick(['string', 'number', 'integer', 'object', 'array', 'boolean', 'null', 'union', 'none', 'object', 'string']);
    if (kind === 'union') s.type = r.some(TYPES, 3).length ? [...new Set([r.pick(TYPES), r.pick(TYPES)])] : ['string', 'null'];
    else if (kind !== 'none') s.type = kind;
    const types = Array.isArray(s.type) ? (s.type as string[]) : kind === 'none' ? TYPES : [kind];
    if (r.chance(0.2)) s.description = 'd */ ${x} \u2028';
    if (types.includes('string')) this.stringKeywords(s);
    if (types.includes('number') || types.includes('integer')) this.numberKeywords(s);
    if (types.includes('object') && depth > 0) this.objectKeywords(s, depth);
    if (types.includes('array') && depth > 0) this.arrayKeywords(s, depth);
    if (r.chance(0.08)) s.enum = [r.pick(STRINGS), r.pick(NUMBERS), null, ...(r.chance(0.3) ? [{ a: 1 }, [1, 2]] : [])];
    if (r.chance(0.04)) s.const = r.chance(0.5) ? r.pick(STRINGS) : { a: [1, { b: null }] };
    if (depth > 0 && r.chance(0.12)) s[r.pick(['anyOf', 'oneOf', 'allOf'])] = Array.from({ length: 1 + r.int(3) }, () => this.schema(depth - 1));
    if (depth > 0 && r.chance(0.05)) s.not = this.schema(depth - 1);
    return s;
  }

  private stringKeywords(s: Obj): void {
    const r = this.r;
    if (r.chance(0.3)) s.minLength = r.int(3);
    if (r.chance(0.3)) s.maxLength = 1 + r.int(4);
    if (r.chance(0.25)) s.pattern = r.pick(PATTERNS);
    if (r.chance(0.25)) s.format = r.pick(FORMATS);
  }

  private numberKeywords(s: Obj): void {
    const r = this.r;
    if (r.chance(0.3)) s.minimum = r.pick([0, 1, -5, 2.5]);
    if (r.chance(0.3)) s.maximum = r.pick([10, 100, 2.5, 1e21]);
    if (r.chance(0.15)) s.exclusiveMinimum = r.pick([0, 1]);
    if (r.chance(0.15)) s.exclusiveMaximum = r.pick([3, 100]);
    if (r.chance(0.2)) s.multipleOf = r.pick([2, 0.5, 0.1, 3, 0.01]);
    if (r.chance(0.1)) s.format = r.pick(['int32', 'int64', 'float', 'date']);
  }

  private objectKeywords(s: Obj, depth: number): void {
    const r = this.r;
    const names = r.some(NAMES, 4);
    if (names.length || r.chance(0.5)) {
      const props: Obj = {};
      for (const n of names) {
        const p = this.schema(depth - 1);
        if (r.chance(0.15) && typeof p === 'object') (p as Obj).default = r.chance(0.5) ? r.pick(STRINGS) : { nested: [1] };
        props[n] = p;
      }
      s.properties = props;
    }
    if (r.chance(0.5)) s.required = r.some([...names, 'missing', 'constructor'], 3);
    if (r.chance(0.35)) s.additionalProperties = r.chance(0.6) ? false : this.schema(depth - 1);
    if (r.chance(0.15)) s.patternProperties = { [r.pick(PATTERNS)]: this.schema(depth - 1) };
    if (r.chance(0.1)) s.propertyNames = { maxLength: 3, ...(r.chance(0.5) ? { pattern: '^[a-z]' } : {}) };
    if (r.chance(0.1)) s.minProperties = 1 + r.int(2);
    if (r.chance(0.1)) s.maxProperties = r.int(3);
  }

  private arrayKeywords(s: Obj, depth: number): void {
    const r = this.r;
    if (r.chance(0.2)) {
      const tuple = Array.from({ length: 1 + r.int(2) }, () => this.schema(depth - 1));
      const rest = r.chance(0.5) ? false : this.schema(depth - 1);
      if (this.dialect === '2020-12') Object.assign(s, { prefixItems: tuple }, r.chance(0.7) ? { items: rest } : {});
      else Object.assign(s, { items: tuple }, r.chance(0.7) ? { additionalItems: rest } : {});
    } else if (r.chance(0.7)) s.items = this.schema(depth - 1);
    if (r.chance(0.2)) s.minItems = r.int(3);
    if (r.chance(0.2)) s.maxItems = 1 + r.int(3);
    if (r.chance(0.25)) s.uniqueItems = r.chance(0.9);
    if (r.chance(0.1)) s.contains = this.schema(depth - 1);
  }
}

/** A root schema: an object, sometimes with (possibly recursive) definitions. */
export function randomRootSchema(r: Random, dialect: Dialect): Obj {
  const defNames = r.chance(0.3) ? ['Node', 'Leaf'].slice(0, 1 + r.int(2)) : [];
  const gen = new SchemaGen(r, dialect, defNames);
  const root = gen.schema(3);
  const schema: Obj = typeof root === 'object' && root !== null && !('$ref' in root) ? (root as Obj) : { allOf: [root] };
  if (defNames.length) {
    const defs: Obj = {};
    for (const n of defNames) {
      let def = gen.schema(2);
      // A definition that is only a $ref can loop back to itself; real schemas do not do that.
      while (typeof def === 'object' && def !== null && '$ref' in def) def = gen.schema(2);
      defs[n] = def;
    }
    if (r.chance(0.5)) defs.Node = { type: 'object', properties: { value: gen.schema(1), next: { $ref: '#/$defs/Node' } } };
    schema.$defs = defs;
    if (dialect === 'draft-07' && r.chance(0.5)) {
      schema.definitions = schema.$defs;
      delete schema.$defs;
      return JSON.parse(JSON.stringify(schema).replace(/#\/\$defs\//g, '#/definitions/'));
    }
  }
  return schema;
}

/** An instance shaped by `schema` most of the time, random otherwise. */
export function randomInstance(r: Random, schema: unknown, root: Obj, depth = 4): unknown {
  if (depth <= 0 || r.chance(0.12) || typeof schema !== 'object' || schema === null) return scalar(r);
  const s = schema as Obj;
  if (typeof s.$ref === 'string') {
    const [, kw, name] = s.$ref.split('/');
    return randomInstance(r, (root[kw!] as Obj | undefined)?.[name!], root, depth - 1);
  }
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(s[k]) && r.chance(0.6)) return randomInstance(r, r.pick(s[k] as unknown[]), root, depth - 1);
  if (Array.isArray(s.enum) && r.chance(0.7)) return structuredClone(r.pick(s.enum as unknown[]));
  if (s.const !== undefined && r.chance(0.7)) return structuredClone(s.const);
  const type = Array.isArray(s.type) ? r.pick(s.type as string[]) : (s.type as string | undefined) ?? (s.properties ? 'object' : s.items || s.prefixItems ? 'array' : r.pick(TYPES));
  switch (type) {
    case 'object': {
      const out: Obj = {};
      const props = (s.properties ?? {}) as Obj;
      for (const [k, v] of Object.entries(props)) if (r.chance(0.7)) out[k] = randomInstance(r, v, root, depth - 1);
      if (r.chance(0.2)) out[r.pick(NAMES)] = scalar(r);
      if (r.chance(0.05)) Object.defineProperty(out, '__proto__', { value: 1, enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array': {
      const tuple = (Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : []) as unknown[];
      const length = r.int(5);
      const out = Array.from({ length }, (_, i) => randomInstance(r, i < tuple.length ? tuple[i] : Array.isArray(s.items) ? s.additionalItems : s.items, root, depth - 1));
      if (length > 1 && r.chance(0.3)) out.push(structuredClone(out[0]));
      return out;
    }
    case 'string':
      return r.pick(STRINGS);
    case 'integer':
      return r.pick(NUMBERS.filter((n) => Number.isInteger(n)));
    case 'number':
      return r.pick(NUMBERS);
    case 'boolean':
      return r.chance(0.5);
    case 'null':
      return null;
    default:
      return scalar(r);
  }
}
