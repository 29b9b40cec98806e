/**
 * The TOOLS table of metadata.ts is laid out one entry per part
 * (emit/server/metadata-tool-table.ts), memoized between runs in watch
 * mode: joined, the parts must be exactly `jsLiteral(table, 2)`, the whole
 * table's literal, whatever the wire objects hold; tables that only the
 * whole-table path handles are refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toolTableParts } from '../../generator/emit/server/metadata-tool-table.js';
import { jsonDepth } from '../../generator/emit/server/metadata-module.js';
import { jsLiteral } from '../../generator/emit/shared/safe-code.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';

const table = (items: { identifier: string; wire: unknown }[]) => {
  const t = Object.create(null) as Record<string, unknown>;
  for (const i of items) t[i.identifier] = i.wire;
  return t;
};

const nested = (depth: number): unknown => (depth <= 1 ? {} : { a: nested(depth - 1) });

const hostile = [
  { identifier: 'plain', wire: { name: 'plain', inputSchema: { type: 'object', properties: {} }, tags: [], empty: {} } },
  { identifier: 'lines', wire: { name: 'x', description: 'a\nb\u2028c\u2029d </script> `${x}` "q"', list: [1, 'two', null, [3, [4]]] } },
  // An own `__proto__` key (as JSON.parse makes it): jsLiteral writes it as a computed key.
  { identifier: 'proto', wire: JSON.parse('{"name": "p", "inputSchema": {"type": "object", "properties": {"__proto__": {"type": "string"}, "constructor": {"type": "number"}}}}') as unknown },
  { identifier: 'deepish', wire: nested(31) },
];

describe('metadata tool table parts', () => {
  afterEach(() => keepRunMemos(false));

  for (const kept of [false, true]) {
    it(`join to the whole table's literal (${kept ? 'memos kept, twice' : 'one-shot'})`, () => {
      keepRunMemos(kept);
      for (let run = 0; run < (kept ? 2 : 1); run++) {
        for (const items of [hostile, hostile.slice(0, 1), [...hostile].reverse()]) {
          const parts = toolTableParts(items, jsonDepth, 32);
          expect(parts?.length).toBe(2 * items.length + 1);
          expect(parts?.join('')).toBe(jsLiteral(table(items), 2));
        }
      }
    });
  }

  it('refuse tables the whole-table path must lay out', () => {
    expect(toolTableParts([], jsonDepth, 32)).toBeUndefined();
    // One level too deep with the table around it: unchecked() wraps the whole table.
    expect(toolTableParts([{ identifier: 'deep', wire: nested(32) }], jsonDepth, 32)).toBeUndefined();
    expect(toolTableParts([{ identifier: '__proto__', wire: {} }], jsonDepth, 32)).toBeUndefined();
    expect(toolTableParts([{ identifier: 'twice', wire: {} }, { identifier: 'twice', wire: { a: 1 } }], jsonDepth, 32)).toBeUndefined();
  });
});
