/**
 * Seeded structural mutations of manifests: dropped, duplicated, retyped and
 * misspelt keys, huge and unicode strings, deep nesting, random `$ref`s,
 * and a few raw-text corruptions. Same seed, same cases.
 */

export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick mutations. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const STRINGS = [
  '', ' ', 'a'.repeat(5000), 'A'.repeat(40_000), '日本語のツール', '🙂👍🏽', '\u202eevil', 'x\u0000y', '\ud800',
  '*/ alert(1) /*', '`${process.exit(1)}`', "'; DROP TABLE x; --", '../../etc/passwd', '__proto__', 'constructor',
  'add_note', 'add-note', 'AddNote', '1abc', 'class', 'a/b', 'a.b', 'a b', '{name}', '%', 'null',
];
const REFS = ['#', '#/nope', '#/$defs/X', './missing.json', '/etc/passwd', '../outside.json', 'http://example.com/s.json', './self.json#/a', '#/properties'];
const KEYS = ['name', 'description', 'descripton', 'inputSchema', 'outputSchema', 'type', 'properties', 'propertes', 'required', 'requried', 'items', '$ref', 'allOf', 'anyOf', 'enum', 'annotations', 'title', 'uri', 'uriTemplate', 'arguments', 'x-extra'];

/** Every container path in a value (for picking a mutation point). */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 40 || out.length > 5000) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out, depth + 1));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out, depth + 1);
  return out;
}

function get(root: unknown, path: (string | number)[]): unknown {
  let v = root as Record<string | number, unknown>;
  for (const p of path) v = v?.[p] as Record<string | number, unknown>;
  return v;
}

function randomValue(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (depth > 3 || r < 0.3) return pick(rng, STRINGS);
  if (r < 0.4) return Math.floor(rng() * 1e6) - 5e5;
  if (r < 0.45) return pick(rng, [true, false, null, 1e308, -0]);
  if (r < 0.6) return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth + 1));
  if (r < 0.75) return { $ref: pick(rng, REFS) };
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 4); i > 0; i--) obj[pick(rng, KEYS)] = randomValue(rng, depth + 1);
  return obj;
}

/** One structural mutation, in place on a deep copy; returns the copy. */
export function mutate(seed: unknown, rng: Rng, steps: number): unknown {
  const root = structuredClone(seed) as Record<string, unknown>;
  for (let s = 0; s < steps; s++) {
    const all = paths(root);
    const path = pick(rng, all);
    const target = get(root, path);
    const parentPath = path.slice(0, -1);
    const parent = get(root, parentPath) as Record<string | number, unknown> | unknown[] | undefined;
    const key = path[path.length - 1];
    const op = Math.floor(rng() * 9);
    if (op === 0 && parent && key !== undefined) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (op === 1 && target && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>)[pick(rng, KEYS)] = randomValue(rng);
    } else if (op === 2 && parent && key !== undefined) {
      (parent as Record<string | number, unknown>)[key] = randomValue(rng);
    } else if (op === 3 && Array.isArray(target) && target.length) {
      target.push(structuredClone(pick(rng, target)));
    } else if (op === 4 && parent && key !== undefined) {
      // Deep nesting around a value.
      let v: unknown = (parent as Record<string | number, unknown>)[key];
      const levels = pick(rng, [10, 60, 130, 300]);
      for (let i = 0; i < levels; i++) v = rng() < 0.5 ? [v] : { type: 'object', properties: { p: v } };
      (parent as Record<string | number, unknown>)[key] = v;
    } else if (op === 5 && target && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>).$ref = pick(rng, REFS);
    } else if (op === 6 && target && typeof target === 'object' && !Array.isArray(target)) {
      // Misspell a key.
      const keys = Object.keys(target);
      if (keys.length) {
        const k = pick(rng, keys);
        const i = Math.floor(rng() * k.length);
        const typo = k.slice(0, i) + k.slice(i + 1);
        if (typo) {
          (target as Record<string, unknown>)[typo] = (target as Record<string, unknown>)[k];
          delete (target as Record<string, unknown>)[k];
        }
      }
    } else if (op === 7 && parent && key !== undefined) {
      (parent as Record<string | number, unknown>)[key] = pick(rng, STRINGS);
    } else if (op === 8 && Array.isArray(root.tools)) {
      (root.tools as unknown[]).push({ name: pick(rng, STRINGS), description: 'd', inputSchema: randomValue(rng) });
    }
  }
  return root;
}

/** Raw-text corruption of a serialized manifest (truncation, bad bytes, stray characters). */
export function corruptText(text: string, rng: Rng): string | Buffer {
  const r = rng();
  const at = Math.floor(rng() * text.length);
  if (r < 0.25) return text.slice(0, at);
  if (r < 0.5) return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(at))]);
  if (r < 0.75) return text.slice(0, at) + pick(rng, ['{', '[', ':', '"', "'", '&a', '*a', '\t', '\n- ', '#', '!!binary']) + text.slice(at);
  return text.slice(0, at) + '\n' + text.slice(at);
}
