/**
 * The JSON fast path must report exactly the positions the YAML parser
 * reports for the same document.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlOrJson } from '../../generator/load/parse-document.js';
import { scanJsonPositions } from '../../generator/load/json-positions.js';
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
