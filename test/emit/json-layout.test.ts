/**
 * jsonLayout puts the pieces of a whole document into one list joined once
 * (joining per level copied the 2 MB tool list of a 1,000-tool manifest
 * once per level). The text must be what the plain per-level definition
 * gives, with or without the watch-mode item memo, for any JSON value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLayout } from '../../generator/emit/shared/json-layout.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';
import { benchTools } from '../../bench/server/bench-manifest.js';

/** The layout rules, level by level (prettier's `json` output at print width 100). */
function reference(value: unknown, indent = 0, used = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (used + flat.length + 1 <= 100) return flat;
    }
    const pad = '  '.repeat(indent + 1);
    return `[\n${value.map((v) => pad + reference(v, indent + 1, pad.length)).join(',\n')}\n${'  '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const pad = '  '.repeat(indent + 1);
    const members = entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${reference(v, indent + 1, pad.length + JSON.stringify(k).length + 2)}`);
    return `{\n${members.join(',\n')}\n${'  '.repeat(indent)}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let seed = 11;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function value(depth: number): unknown {
  const r = random();
  if (depth > 4 || r < 0.3) return [null, true, 1.5, 'quote"d', 42, '', 'long '.repeat(Math.floor(random() * 30)), 'é\u2028'][Math.floor(random() * 8)];
  if (r < 0.6) return Array.from({ length: Math.floor(random() * 8) }, () => value(depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 6) }, (_, i) => [`k${i}${'x'.repeat(Math.floor(random() * 20))}`, random() < 0.1 ? undefined : value(depth + 1)]));
}

describe('jsonLayout', () => {
  afterAll(() => keepRunMemos(false));

  it('lays out any JSON value as the per-level rules do', () => {
    for (let i = 0; i < 2000; i++) {
      const v = value(0);
      expect(jsonLayout(v), JSON.stringify(v)).toBe(`${reference(v)}\n`);
    }
  });

  it('gives the same text from the item memo, before and after an edit', () => {
    keepRunMemos();
    const doc = { revision: '2025-11-25', server: { name: 'm', version: '1.0.0' }, tools: benchTools(30), resources: [] };
    expect(jsonLayout(doc, { memo: 'test.json' })).toBe(`${reference(doc)}\n`);
    doc.tools[4]!.description = 'Edited.';
    doc.tools.push(...benchTools(32).slice(30));
    expect(jsonLayout(doc, { memo: 'test.json' })).toBe(`${reference(doc)}\n`);
  });
});
