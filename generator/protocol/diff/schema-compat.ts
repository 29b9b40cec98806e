/**
 * Compares two versions of a tool's inputSchema or outputSchema as a client
 * sees them. Input is what clients send: a narrower schema rejects calls that
 * worked (breaking), a wider one accepts more (compatible). Output is what
 * clients receive: the reverse, and a removed field is breaking. Unknown or
 * mixed changes (alternatives rewritten) count as breaking: when in doubt,
 * the report errs on the side that makes a human look.
 */
import { isJsonObject } from '../../json-schema/subschemas.js';
import { describeType } from './type-description.js';

export type Compat = 'breaking' | 'compatible' | 'patch';

export interface SchemaChange {
  compat: Compat;
  code: string;
  /** Path inside the schema, as people read it: `location.days[]`. */
  at: string;
  /** JSON Pointer of the subschema in the old and new schema (relative to the schema root). */
  oldPointer: string;
  newPointer: string;
  message: string;
}

type Schema = Record<string, unknown>;
type Direction = 'input' | 'output';

const NUMERIC_LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const NUMERIC_UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const EXACT = ['pattern', 'format', 'multipleOf'] as const;

function asSchema(v: unknown): Schema {
  return isJsonObject(v) ? v : {};
}

/** Follows a local `#/...` $ref against the schema root (once per step; cycles end at the depth bound). */
function deref(s: Schema, root: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 8 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#'); i++) {
    let node: unknown = root;
    for (const seg of cur.$ref.slice(2).split('/').filter(Boolean)) {
      node = isJsonObject(node) ? node[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isJsonObject(node)) break;
    cur = { ...node, ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
  }
  return cur;
}

function types(s: Schema): Set<string> | undefined {
  if (Array.isArray(s.type)) return new Set(s.type as string[]);
  if (typeof s.type === 'string') return new Set([s.type]);
  return undefined; // any
}

/** Whether every value of type set `a` is allowed by type set `b` (undefined = any). */
function typeSubset(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!b) return true;
  if (!a) return false;
  for (const t of a) if (!b.has(t) && !(t === 'integer' && b.has('number'))) return false;
  return true;
}

function enumValues(s: Schema): string[] | undefined {
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v));
  if ('const' in s) return [JSON.stringify(s.const)];
  return undefined;
}

function required(s: Schema): Set<string> {
  return new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

const ptr = (base: string, ...segs: string[]) => base + segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

class Comparer {
  readonly changes: SchemaChange[] = [];
  private depth = 0;

  constructor(
    private readonly dir: Direction,
    private readonly oldRoot: Schema,
    private readonly newRoot: Schema,
  ) {}

  /** `narrower` means the new schema accepts less than the old. */
  private add(narrower: boolean | 'changed', code: string, at: string, op: string, np: string, message: string): void {
    const breaking = narrower === 'changed' || (this.dir === 'input' ? narrower : !narrower);
    this.changes.push({ compat: breaking ? 'breaking' : 'compatible', code, at, oldPointer: op, newPointer: np, message });
  }

  compare(oldRaw: unknown, newRaw: unknown, at: string, op: string, np: string): void {
    if (this.depth > 32) return;
    this.depth++;
    try {
      this.compareInner(deref(asSchema(oldRaw), this.oldRoot), deref(asSchema(newRaw), this.newRoot), at, op, np);
    } finally {
      this.depth--;
    }
  }

  private compareInner(o: Schema, n: Schema, at: string, op: string, np: string): void {
    const where = at ? `"${at}"` : 'the schema';
    const to = types(o);
    const tn = types(n);
    const oldInNew = typeSubset(to, tn);
    const newInOld = typeSubset(tn, to);
    if (!oldInNew || !newInOld) {
      const fmt = (t: Set<string> | undefined) => (t ? [...t].sort().join(' | ') : 'any');
      if (newInOld) this.add(true, 'type-narrowed', at, op, np, `${where}: type narrowed from ${fmt(to)} to ${fmt(tn)}`);
      else if (oldInNew) this.add(false, 'type-widened', at, op, np, `${where}: type widened from ${fmt(to)} to ${fmt(tn)}`);
      else this.add('changed', 'type-changed', at, op, np, `${where}: type changed from ${fmt(to)} to ${fmt(tn)}`);
    }

    const eo = enumValues(o);
    const en = enumValues(n);
    if (eo || en) {
      const removed = eo && en ? eo.filter((v) => !en.includes(v)) : [];
      const added = eo && en ? en.filter((v) => !eo.includes(v)) : [];
      if (!eo) this.add(true, 'enum-narrowed', at, op, np, `${where}: now limited to ${en!.join(', ')}`);
      else if (!en) this.add(false, 'enum-widened', at, op, np, `${where}: no longer limited to ${eo.join(', ')}`);
      else {
        if (removed.length) this.add(true, 'enum-narrowed', at, op, np, `${where}: value${removed.length > 1 ? 's' : ''} ${removed.join(', ')} no longer allowed`);
        if (added.length) this.add(false, 'enum-widened', at, op, np, `${where}: value${added.length > 1 ? 's' : ''} ${added.join(', ')} now allowed`);
      }
    }

    for (const k of NUMERIC_LOWER) this.bound(o, n, k, true, at, op, np);
    for (const k of NUMERIC_UPPER) this.bound(o, n, k, false, at, op, np);
    for (const k of EXACT) {
      if (JSON.stringify(o[k]) === JSON.stringify(n[k])) continue;
      if (o[k] === undefined) this.add(true, 'constraint-added', at, op, np, `${where}: ${k} ${JSON.stringify(n[k])} added`);
      else if (n[k] === undefined) this.add(false, 'constraint-removed', at, op, np, `${where}: ${k} ${JSON.stringify(o[k])} removed`);
      else this.add('changed', 'constraint-changed', at, op, np, `${where}: ${k} changed from ${JSON.stringify(o[k])} to ${JSON.stringify(n[k])}`);
    }

    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const a = describeType({ [key]: o[key] });
      const b = describeType({ [key]: n[key] });
      if (a !== b && (o[key] !== undefined || n[key] !== undefined)) this.add('changed', 'alternatives-changed', at, op, np, `${where}: ${key} changed`);
    }

    this.properties(o, n, at, op, np);
    if (o.items !== undefined || n.items !== undefined) this.compare(o.items, n.items, `${at}[]`, ptr(op, 'items'), ptr(np, 'items'));

    const closedOld = o.additionalProperties === false;
    const closedNew = n.additionalProperties === false;
    if (closedOld !== closedNew && (isJsonObject(o.properties) || isJsonObject(n.properties))) {
      if (closedNew) this.add(true, 'closed', at, op, np, `${where}: additional properties no longer allowed`);
      else this.add(false, 'opened', at, op, np, `${where}: additional properties now allowed`);
    }

    for (const k of ['description', 'title'] as const) {
      if (at && o[k] !== n[k]) this.changes.push({ compat: 'patch', code: 'doc-changed', at, oldPointer: op, newPointer: np, message: `${where}: ${k} changed` });
    }
  }

  private bound(o: Schema, n: Schema, k: string, lower: boolean, at: string, op: string, np: string): void {
    const a = o[k];
    const b = n[k];
    if (a === b || (typeof a !== 'number' && a !== undefined) || (typeof b !== 'number' && b !== undefined)) return;
    const where = at ? `"${at}"` : 'the schema';
    let narrower: boolean;
    if (a === undefined) narrower = true;
    else if (b === undefined) narrower = false;
    else narrower = lower ? (b as number) > (a as number) : (b as number) < (a as number);
    const what = a === undefined ? `${k} ${String(b)} added` : b === undefined ? `${k} ${String(a)} removed` : `${k} ${String(a)} -> ${String(b)}`;
    this.add(narrower, narrower ? 'constraint-tightened' : 'constraint-loosened', at, op, np, `${where}: ${what}`);
  }

  private properties(o: Schema, n: Schema, at: string, op: string, np: string): void {
    const po = asSchema(o.properties);
    const pn = asSchema(n.properties);
    const ro = required(o);
    const rn = required(n);
    const input = this.dir === 'input';
    const noun = input ? 'argument' : 'output field';
    for (const key of Object.keys(po)) {
      const path = join(at, key);
      const oP = ptr(op, 'properties', key);
      const nP = ptr(np, 'properties', key);
      if (!(key in pn)) {
        this.changes.push({ compat: 'breaking', code: `${input ? 'argument' : 'output-field'}-removed`, at: path, oldPointer: oP, newPointer: np, message: `${noun} "${path}" removed` });
        continue;
      }
      if (!ro.has(key) && rn.has(key)) {
        this.changes.push({ compat: input ? 'breaking' : 'compatible', code: 'made-required', at: path, oldPointer: oP, newPointer: nP, message: `${noun} "${path}" is now required` });
      }
      if (ro.has(key) && !rn.has(key)) {
        this.changes.push({ compat: input ? 'compatible' : 'breaking', code: 'made-optional', at: path, oldPointer: oP, newPointer: nP, message: `${noun} "${path}" is now optional` });
      }
      this.compare(po[key], pn[key], path, oP, nP);
    }
    for (const key of Object.keys(pn)) {
      if (key in po) continue;
      const path = join(at, key);
      const nP = ptr(np, 'properties', key);
      const req = rn.has(key);
      this.changes.push({
        compat: input && req ? 'breaking' : 'compatible',
        code: input ? (req ? 'required-argument-added' : 'argument-added') : 'output-field-added',
        at: path,
        oldPointer: op,
        newPointer: nP,
        message: input ? `new ${req ? 'required' : 'optional'} argument "${path}"` : `output field "${path}" added`,
      });
    }
  }
}

/** Changes between two versions of a tool schema; pointers are relative to each schema's root. */
export function compareToolSchemas(oldSchema: unknown, newSchema: unknown, dir: Direction): SchemaChange[] {
  const c = new Comparer(dir, asSchema(oldSchema), asSchema(newSchema));
  c.compare(oldSchema, newSchema, '', '', '');
  return c.changes;
}
