/**
 * jsonDepth decides which metadata literals are wrapped in `unchecked()`
 * (TypeScript gives up on literals nested about 50 deep). It walks without
 * recursion (no input can overflow the stack) and without allocating per
 * node; it must agree with the plain recursive definition.
 */
import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../generator/emit/server/metadata-module.js';

const reference = (v: unknown): number =>
  v === null || typeof v !== 'object' ? 0 : 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(reference));

describe('jsonDepth', () => {
  it('agrees with the recursive definition', () => {
    const values: unknown[] = [
      null,
      3,
      'x',
      [],
      {},
      [[], [[1]], { a: [{}] }],
      { a: { b: { c: null } }, d: [1, [2, [3, [4]]]] },
      JSON.parse('{"__proto__": {"x": {"y": 1}}, "constructor": [[[]]]}'),
    ];
    for (const v of values) expect(jsonDepth(v), JSON.stringify(v)).toBe(reference(v));
  });

  it('measures nesting deeper than the stack allows recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(jsonDepth(deep)).toBe(100_000);
  });
});
