/**
 * The JSON fast path must report exactly the positions the YAML parser
 * reports for the same document.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlOrJson } from '../../generator/load/parse-document.js';
import { countJsonKeys, jsonIsClean, scanJsonPositions, scanJsonShape } from '../../generator/load/json-positions.js';
import { SourceMap } from '../../generator/load/source-map.js';

const doc = JSON.stringify(
  {
    tools: [
      { name: 'a/b~c', description: 'quote " and \\ and \u2028 and é', inputSchema: { type: 'object', properties: { 'x y': { type: 'number', minimum: -1.5e3 } } } },
      { name: 'b', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true, extra: null } },
    ],
    empty: {},
    list: [],
  },
  null,
  2,
);

describe('JSON position scanner', () => {
  it('agrees with the YAML parser on every node', () => {
    const fast = parseYamlOrJson(doc, 'f.json');
    // Force the YAML path by prefixing a comment-free YAML document marker.
    const slow = parseYamlOrJson(`---\n${doc}`, 'f.json');
    expect(fast.value).toEqual(slow.value);
    for (const pointer of ['/tools/0/name', '/tools/0/description', '/tools/0/inputSchema/properties/x y/minimum', '/tools/1/annotations/extra', '/empty', '/list', '/tools/1']) {
      const a = fast.sourceMap.locate(pointer, { key: true });
      const b = slow.sourceMap.locate(pointer, { key: true });
      expect(a, pointer).toBeDefined();
      expect({ line: a!.line, column: a!.column }).toEqual({ line: b!.line - 1, column: b!.column });
    }
  });

  it('refuses duplicate keys so the YAML parser can report them', () => {
    expect(scanJsonPositions('{"a": 1, "a": 2}', 'f.json', new SourceMap())).toBe(false);
    const parsed = parseYamlOrJson('{"a": 1, "a": 2}', 'f.json');
    expect(parsed.diagnostics[0]!.code).toBe('load/duplicate-key');
  });
});

describe('JSON shape scan (what the loader checks before positions are needed)', () => {
  /** Seeded random JSON text: nested objects and arrays, escaped keys, every scalar kind. */
  function randomJson(seed: number): string {
    let s = seed;
    const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor(s / 65536) % n);
    const keyNames = ['a', 'b', 'x y', 'a/b', 'q"q', 'é', '\\u0061', '__proto__'];
    const gen = (depth: number): string => {
      const k = depth > 5 ? rand(4) : rand(6);
      if (k === 0) return String(rand(1000) - 500) + (rand(2) ? '.5e1' : '');
      if (k === 1) return ['true', 'false', 'null'][rand(3)]!;
      if (k === 2) return JSON.stringify('s' + rand(10) + (rand(3) === 0 ? '\\"}],' : ''));
      if (k === 3) return '"\\\\"';
      if (k === 4) return `[ ${Array.from({ length: rand(4) }, () => gen(depth + 1)).join(' ,\n ')} ]`;
      const keys = Array.from({ length: rand(5) }, () => keyNames[rand(keyNames.length)]!);
      return `{${keys.map((key) => `"${key.replace(/"/g, '\\"')}" : ${gen(depth + 1)}`).join(',')}}`;
    };
    return gen(0);
  }

  it('finds exactly the documents whose full scan sees a duplicate key or a too-deep node', () => {
    let duplicates = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomJson(seed);
      const value = JSON.parse(text) as unknown;
      for (const maxDepth of [2, 128]) {
        const shape = scanJsonShape(text, maxDepth);
        const full = scanJsonPositions(text, 'f.json', new SourceMap(), maxDepth);
        if (typeof full === 'number') expect(shape.deepAt, text).toBe(full);
        else if (shape.deepAt === undefined) {
          expect(shape.keys === countJsonKeys(value), text).toBe(full);
          if (!full) duplicates++;
        }
        if (shape.deepAt !== undefined) expect(typeof full === 'number' || full === false, text).toBe(true);
        // The native answer is exactly the scan's "no duplicate and nothing too deep".
        expect(jsonIsClean(text, value, maxDepth), `${maxDepth} ${text}`).toBe(shape.deepAt === undefined && shape.keys === countJsonKeys(value));
      }
    }
    expect(duplicates).toBeGreaterThan(20);
  });

  it('counts quotes right around escapes, and sees depth at the exact limit', () => {
    const cases: [string, number, boolean][] = [
      [String.raw`{"a\\":1,"a\\":2}`, 128, false], // key ending in a backslash, duplicated
      [String.raw`{"a\\":1,"b\"":"\\\"x"}`, 128, true], // escaped quotes and backslash runs of both parities
      [String.raw`{"a":{"a":1},"b":"a\",\"a"}`, 128, true], // a value that spells a duplicate inside a string
      ['{"x":[{"y":{}},{"y":1,"y":1}]}', 128, false],
      ['{"__proto__":1,"__proto__":2}', 128, false],
      ['[[1]]', 1, false], // 1 sits inside two containers
      ['[[]]', 1, true], // an empty container at the limit holds nothing too deep
      ['[[],{}]', 1, true],
      ['[{"a":1}]', 1, false],
      ['{"a":[1]}', 1, false],
    ];
    for (const [text, maxDepth, clean] of cases) {
      const value = JSON.parse(text) as unknown;
      expect(jsonIsClean(text, value, maxDepth), text).toBe(clean);
      const shape = scanJsonShape(text, maxDepth);
      expect(shape.deepAt === undefined && shape.keys === countJsonKeys(value), text).toBe(clean);
    }
  });

  it('computes positions on first use, the same as an eager scan', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const text = randomJson(seed);
      const lazy = parseYamlOrJson(text, 'f.json');
      if (lazy.diagnostics.length || typeof lazy.value !== 'object') continue;
      const eager = new SourceMap();
      if (scanJsonPositions(text, 'f.json', eager) !== true) continue;
      expect(lazy.sourceMap.size).toBe(eager.size);
      for (const pointer of ['', '/a', '/b/0', '/x y', '/a~1b', '/0', '/1/a']) {
        expect(lazy.sourceMap.locate(pointer, { key: true })).toEqual(eager.locate(pointer, { key: true }));
      }
    }
  });
});
