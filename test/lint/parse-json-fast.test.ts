/** The JSON fast path gives exactly what the YAML parser gives: values and every position. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseJsonFast } from '../../generator/load/parse-json-fast.js';
import { parseYamlOrJson } from '../../generator/load/parse-document.js';
import type { SourceMap } from '../../generator/load/source-map.js';
import { fixturesDir } from '../helpers/paths.js';

function entries(map: SourceMap, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, p: string): void => {
    out[p] = map.get(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(value, '');
  return out;
}

/** The YAML path alone (text that does not start with `{` skips the fast path). */
function viaYaml(text: string) {
  return parseYamlOrJson('#\n' + text, 'f.json');
}

describe('parseJsonFast', () => {
  const samples = [
    readFileSync(join(fixturesDir, 'real-servers', 'server-everything.json'), 'utf8'),
    readFileSync(join(fixturesDir, 'real-servers', 'server-filesystem-tools-list.json'), 'utf8'),
    '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"],"b":{},"c":[],"d~/e":{"f":"é😀"}}',
    '  {\r\n  "k" :  [ {"x": 1} ,\n\t2 ] }\n',
  ];

  it.each(samples.map((s, i) => [i, s]))('matches the YAML parser on sample %i', (_, text) => {
    const fast = parseJsonFast(text as string, 'f.json')!;
    expect(fast).toBeDefined();
    const slow = viaYaml(text as string);
    expect(slow.diagnostics).toEqual([]);
    expect(fast.value).toEqual(slow.value);
    // The YAML path saw one extra line at the top.
    const shifted = Object.fromEntries(
      Object.entries(entries(slow.sourceMap, slow.value)).map(([p, e]) => {
        const pos = e as Record<string, number | string>;
        return [p, { ...pos, line: (pos.line as number) - 1, endLine: (pos.endLine as number) - 1, ...(pos.keyLine ? { keyLine: (pos.keyLine as number) - 1 } : {}) }];
      }),
    );
    expect(entries(fast.sourceMap, fast.value)).toEqual(shifted);
    expect(parseDocument(text as string).errors).toEqual([]);
  });

  it.each(['{"a":1,"a":2}', '{"a":1,}', '[1 2]', '{"a":"\t"}', '{} x', '{"a":01}'])('declines %s (the YAML path reports it)', (text) => {
    expect(parseJsonFast(text, 'f.json')).toBeUndefined();
  });
});
