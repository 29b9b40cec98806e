/**
 * getAtPointer walks the segments of a pointer one at a time (no array of
 * them); it must find exactly what following splitPointer's segments finds.
 */
import { describe, expect, it } from 'vitest';
import { getAtPointer, joinPointer, splitPointer } from '../../generator/load/json-pointer.js';

function reference(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (node && typeof node === 'object' && Object.hasOwn(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}

describe('getAtPointer', () => {
  const data = JSON.parse('{"a":{"b/c":[1,{"~d":"x","":{"e":2}}],"":3},"__proto__":{"f":4},"0":["y"]}') as unknown;
  it('agrees with the segment-list walk on every pointer of a small alphabet', () => {
    const segments = ['a', 'b~1c', 'b/c', '0', '1', '~0d', '~d', '', 'e', '__proto__', 'f', 'constructor', '01', '2', 'x'];
    let found = 0;
    const pointers: string[] = ['', 'a', 'a/b~1c'];
    for (const s1 of segments) {
      pointers.push(`/${s1}`);
      for (const s2 of segments) {
        pointers.push(`/${s1}/${s2}`);
        for (const s3 of segments) pointers.push(`/${s1}/${s2}/${s3}`, `/${s1}/${s2}/${s3}/e`);
      }
    }
    for (const pointer of pointers) {
      const expected = reference(data, pointer);
      expect(getAtPointer(data, pointer), pointer).toBe(expected);
      if (expected !== undefined) found++;
    }
    expect(found).toBeGreaterThan(10);
    expect(getAtPointer(data, joinPointer('', 'a', 'b/c', 1, '~d'))).toBe('x');
    expect(getAtPointer(data, '/a/b~1c/1//e')).toBe(2);
  });
});
