/**
 * Seeded random JSON Schemas for the type emitter's layout test: every
 * construct the emitter handles, long enums that must break across lines,
 * long and hostile strings (quotes, backslashes, comment terminators, line
 * separators, `</script>`), recursive `$defs`, tuples and deep nesting.
 */

// The fuzzer's deterministic PRNG, so a failure is reproducible from its seed.
import { seeded as seededRandom } from '../../fuzz/mutate.js';

const WORDS = ['id', 'name', 'value', 'search_term', 'createdAt', 'x', 'a-b', 'with space', '1st', '$ref', '__proto__', 'constructor', 'default'];
const HOSTILE = [
  "it's",
  'say "hi"',
  `both ' and " quotes''`,
  'back\\slash',
  'end */ comment /* start',
  'line\nbreak',
  'tab\there',
  'sep\u2028arator\u2029',
  '</script><script>alert(1)</script>',
  '${template}`',
  'nul\u0000char',
  'café',
  '',
];

export function randomSchemas(count: number, seed: number): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (n: number): number => Math.floor(rnd() * n);
  const word = (): string => (rnd() < 0.15 ? pick(HOSTILE) : rnd() < 0.2 ? `${pick(WORDS)}_${'long'.repeat(1 + int(12))}` : pick(WORDS));
  const text = (): string => (rnd() < 0.3 ? pick(HOSTILE) : Array.from({ length: 1 + int(30) }, () => pick(WORDS)).join(' '));
  const defNames = ['node', 'Tree', 'tree', 'list-item', 'XInput', '2fa'];

  function schema(depth: number): unknown {
    const r = rnd();
    if (depth > 4 || r < 0.05) return pick([true, false, {}, { type: 'string' }]);
    const base: Record<string, unknown> = rnd() < 0.3 ? { description: text() } : {};
    switch (int(13)) {
      case 0:
        return { ...base, type: pick(['string', 'number', 'integer', 'boolean', 'null']) };
      case 1:
        return { ...base, type: [pick(['string', 'number', 'integer', 'boolean']), 'null'] };
      case 2:
        return { ...base, enum: Array.from({ length: 1 + int(rnd() < 0.3 ? 40 : 6) }, () => (rnd() < 0.2 ? int(1000) - 500 : rnd() < 0.05 ? null : word())) };
      case 3:
        return { ...base, const: rnd() < 0.5 ? word() : rnd() < 0.5 ? int(10) : true };
      case 4:
      case 5:
        return object(depth, base);
      case 6:
        return { ...base, type: 'array', ...(rnd() < 0.9 ? { items: schema(depth + 1) } : {}) };
      case 7:
        return { ...base, anyOf: Array.from({ length: 1 + int(5) }, () => schema(depth + 1)) };
      case 8:
        return { ...base, oneOf: [schema(depth + 1), { type: 'null' }] };
      case 9:
        return { ...base, allOf: Array.from({ length: 1 + int(3) }, () => schema(depth + 1)) };
      case 10:
        return rnd() < 0.5
          ? { ...base, type: 'array', prefixItems: Array.from({ length: int(4) }, () => schema(depth + 1)), ...(rnd() < 0.5 ? { items: rnd() < 0.3 ? false : schema(depth + 1) } : {}), ...(rnd() < 0.5 ? { minItems: int(3) } : {}) }
          : { ...base, type: 'array', items: Array.from({ length: 1 + int(3) }, () => schema(depth + 1)), ...(rnd() < 0.5 ? { additionalItems: rnd() < 0.5 ? false : schema(depth + 1) } : {}) };
      case 11:
        return { ...base, $ref: rnd() < 0.8 ? `#/$defs/${pick(defNames)}` : pick(['#/$defs/missing', '#', 'other.json#/x', '#/definitions/%7Bbad']) };
      default:
        return { ...base, not: schema(depth + 1) };
    }
  }

  function object(depth: number, base: Record<string, unknown>): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    for (let i = int(7); i > 0; i--) properties[word()] = schema(depth + 1);
    const keys = Object.keys(properties);
    const result: Record<string, unknown> = { ...base, type: 'object', properties, required: keys.filter(() => rnd() < 0.5) };
    const r = rnd();
    if (r < 0.15) result.additionalProperties = true;
    else if (r < 0.3) result.additionalProperties = schema(depth + 1);
    else if (r < 0.4) result.additionalProperties = false;
    if (rnd() < 0.1) result.patternProperties = { '^x-': schema(depth + 1) };
    return result;
  }

  return Array.from({ length: count }, () => {
    const root = rnd() < 0.85 ? object(0, rnd() < 0.2 ? { description: text(), title: 'Ignored' } : {}) : (schema(0) as Record<string, unknown>);
    if (typeof root !== 'object' || root === null) return {};
    if (rnd() < 0.4) {
      const defs: Record<string, unknown> = {};
      for (const n of defNames) if (rnd() < 0.5) defs[n] = rnd() < 0.2 ? { $ref: `#/$defs/${pick(defNames)}` } : schema(1);
      root[rnd() < 0.8 ? '$defs' : 'definitions'] = defs;
    }
    return root;
  });
}
