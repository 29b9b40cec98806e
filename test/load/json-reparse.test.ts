/**
 * `generate --watch` parses a saved JSON manifest again only where it
 * changed (load/json-reparse.ts). Whatever the edit, the result must be what
 * parsing the whole text gives (the same value, the same errors), and the
 * tools the edit did not touch must be the last parse's objects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseManifestText, reparseStats } from '../../generator/load/json-reparse.js';
import { parseYamlOrJson } from '../../generator/load/parse-document.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';

const tool = (i: number, extra: object = {}) => ({ name: `tool_${i}`, description: `Tool ${i} "quoted" \\ [x] {y},`, inputSchema: { type: 'object', properties: { q: { type: 'string' } } }, ...extra });
const manifest = (tools: object[], space?: number) => JSON.stringify({ server: { name: 'demo', version: '1.0.0' }, tools, prompts: [] }, null, space);

/** Parses `before` then `after` as the watch loop would; checks `after` against a whole parse and returns what was kept. */
function reparse(before: string, after: string): { partial: boolean; parsedItems: number; kept: boolean[] } {
  const path = '/virtual/mcp.json';
  const first = parseManifestText(path, before, 'mcp.json').value as { tools: object[] };
  const second = parseManifestText(path, after, 'mcp.json');
  const whole = parseYamlOrJson(after, 'mcp.json');
  expect(second.diagnostics).toEqual(whole.diagnostics);
  expect(second.value).toEqual(whole.value);
  expect(JSON.stringify(second.value)).toBe(JSON.stringify(whole.value));
  const tools = (second.value as { tools?: object[] } | undefined)?.tools ?? [];
  return { partial: reparseStats.partial, parsedItems: reparseStats.parsedItems, kept: tools.map((t) => first.tools.includes(t)) };
}

describe('re-parsing a saved JSON manifest', () => {
  afterEach(() => keepRunMemos(false));

  it('parses only the tools an edit touches, for edits anywhere in the list', () => {
    keepRunMemos();
    const tools = Array.from({ length: 8 }, (_, i) => tool(i));
    for (const space of [undefined, 2]) {
      const base = manifest(tools, space);
      // Edit the middle tool.
      let r = reparse(base, manifest(tools.map((t, i) => (i === 3 ? tool(3, { title: 'New' }) : t)), space));
      expect(r).toEqual({ partial: true, parsedItems: 1, kept: [true, true, true, false, true, true, true, true] });
      // Append, prepend, insert, remove at either end and in the middle.
      expect(reparse(base, manifest([...tools, tool(8)], space))).toMatchObject({ partial: true, parsedItems: 1 });
      expect(reparse(base, manifest([tool(9), ...tools], space))).toMatchObject({ partial: true, parsedItems: 1 });
      expect(reparse(base, manifest([...tools.slice(0, 4), tool(10), ...tools.slice(4)], space))).toMatchObject({ partial: true, parsedItems: 1 });
      for (const removed of [0, 4, 7]) {
        r = reparse(base, manifest(tools.filter((_, i) => i !== removed), space));
        expect(r.partial).toBe(true);
        expect(r.kept.every(Boolean)).toBe(true);
      }
      expect(reparse(base, manifest([], space)).partial).toBe(true);
      // Unchanged text: the same objects.
      expect(reparse(base, base)).toEqual({ partial: true, parsedItems: 0, kept: tools.map(() => true) });
      // A change outside the list: parsed whole.
      expect(reparse(base, base.replace('"demo"', '"other"')).partial).toBe(false);
    }
  });

  it('falls back to the whole text for what the fast path would not accept', () => {
    keepRunMemos();
    const base = manifest([tool(0), tool(1), tool(2)], 2);
    // Syntax errors the edit makes (the errors are the whole parse's: checked in reparse()).
    for (const broken of [
      base.replace('"tool_1"', '"tool_1" "x"'),
      base.replace(/\}\n  \]/, '},\n  ]'), // trailing comma
      base.replace('},\n    {\n      "name": "tool_2"', '}\n    {\n      "name": "tool_2"'), // missing comma
      base.replace('"tool_1",', '"tool_1", "name": "again",'), // duplicate key
      base.replace('"tool_2",', '"tool_2", "x": {"$ref": "./other.json"},'), // a file $ref
      base.replace(/\}\n  \],/, '}\n  ], "tools": [],'), // a second "tools" key
    ]) {
      expect(reparse(base, broken).partial).toBe(false);
    }
  });

  it('agrees with a whole parse on random edits', () => {
    keepRunMemos();
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let tools = Array.from({ length: 12 }, (_, i) => tool(i));
    let text = manifest(tools, 2);
    for (let round = 0; round < 100; round++) {
      const next = [...tools];
      const at = random(next.length + 1);
      const kind = random(4);
      if (kind === 0 && next.length) next.splice(Math.min(at, next.length - 1), 1);
      else if (kind === 1) next.splice(at, 0, tool(100 + round));
      else if (kind === 2 && next.length) next[Math.min(at, next.length - 1)] = tool(200 + round, { annotations: { readOnlyHint: round % 2 === 0 } });
      else next.reverse();
      const after = manifest(next, random(2) ? 2 : undefined);
      reparse(text, after);
      tools = next;
      text = after;
    }
  });

  it('keeps nothing when memos are off', () => {
    const base = manifest([tool(0)], 2);
    parseManifestText('/virtual/off.json', base, 'off.json');
    parseManifestText('/virtual/off.json', base, 'off.json');
    expect(reparseStats.partial).toBe(false);
  });
});
