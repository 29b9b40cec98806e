/**
 * `generate --watch` hands the next run the previous run's objects for the
 * manifest items a save left as they were (pipeline/reuse-unchanged.ts), so
 * that what is derived from them by identity carries over. Reuse must follow
 * JSON equality exactly, key order included: any difference that can show in
 * a generated file means a fresh object.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../generator/load/manifest-types.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';
import { reuseStats, reuseUnchangedItems, sameJsonValue } from '../../generator/pipeline/reuse-unchanged.js';

const manifestOf = (tools: object[]): Manifest => ({ tools, resources: [], resourceTemplates: [], prompts: [] }) as unknown as Manifest;
const tool = (name: string, extra: object = {}) => ({ name, inputSchema: { type: 'object', properties: { q: { type: 'string', enum: ['a', 'b'] } } }, ...extra });

describe('reuse of unchanged manifest items', () => {
  afterEach(() => keepRunMemos(false));

  it('compares as JSON does, with key order, and nothing else', () => {
    expect(sameJsonValue({ a: 1, b: [1, { c: null }] }, { a: 1, b: [1, { c: null }] }, 0)).toBe(true);
    expect(sameJsonValue({ a: 1, b: 2 }, { b: 2, a: 1 }, 0)).toBe(false);
    expect(sameJsonValue({ a: 1 }, { a: 1, b: undefined }, 0)).toBe(false);
    expect(sameJsonValue([1, 2], { 0: 1, 1: 2 }, 0)).toBe(false);
    expect(sameJsonValue({ a: 0 }, { a: -0 }, 0)).toBe(false);
    expect(sameJsonValue({ a: '1' }, { a: 1 }, 0)).toBe(false);
    expect(sameJsonValue(Object.create(null), {}, 0)).toBe(false);
    let deep: object = {};
    let deep2: object = {};
    for (let i = 0; i < 300; i++) {
      deep = { x: deep };
      deep2 = { x: deep2 };
    }
    expect(sameJsonValue(deep, deep2, 0)).toBe(false);
  });

  it('gives back the previous objects of equal items, by name, only while memos are kept', () => {
    keepRunMemos();
    const first = manifestOf([tool('a'), tool('b'), tool('c')]);
    reuseUnchangedItems(first);
    // b edited, c moved ahead of a, a new tool d.
    const second = manifestOf([tool('c'), tool('a'), tool('b', { description: 'new' }), tool('d')]);
    reuseUnchangedItems(second);
    expect(reuseStats.reused).toBe(2);
    expect(second.tools[0]).toBe(first.tools[2]);
    expect(second.tools[1]).toBe(first.tools[0]);
    expect(second.tools[2]).not.toBe(first.tools[1]);
    // Key order differs: not reused.
    const reordered = manifestOf([{ inputSchema: tool('c').inputSchema, name: 'c' }]);
    reuseUnchangedItems(reordered);
    expect(reuseStats.reused).toBe(0);

    // Code that puts something enumerable on Object.prototype would make for...in list it: no reuse then.
    const polluted = manifestOf([tool('c')]);
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true });
    try {
      reuseUnchangedItems(polluted);
    } finally {
      delete (Object.prototype as { polluted?: number }).polluted;
    }
    expect(reuseStats.reused).toBe(0);

    keepRunMemos(false);
    const third = manifestOf([tool('c')]);
    reuseUnchangedItems(third);
    expect(reuseStats.reused).toBe(0);
  });
});
