/**
 * mcpgen's own runtime helpers for precompiled validators behave as the
 * JSON Schema keywords and formats require.
 */
import { describe, expect, it } from 'vitest';
import { RUNTIME_HELPERS } from '../../generator/emit/schema/validator-runtime.js';

function helper(name: string): (...args: unknown[]) => unknown {
  const h = RUNTIME_HELPERS.find((x) => x.name === name)!;
  return new Function(`${h.source}\nreturn ${h.name};`)() as (...args: unknown[]) => unknown;
}

describe('validator runtime helpers', () => {
  it('counts code points, not UTF-16 units', () => {
    const len = helper('mcpgenCodePointLength');
    expect(len('')).toBe(0);
    expect(len('abc')).toBe(3);
    expect(len('😀é')).toBe(2);
    expect(len('\ud800x')).toBe(2); // a lone surrogate is one character
  });

  it('compares JSON values deeply', () => {
    const eq = helper('mcpgenJsonEqual');
    expect(eq({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(eq({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(eq([1, 2], { 0: 1, 1: 2, length: 2 })).toBe(false);
    expect(eq(NaN, NaN)).toBe(true);
    expect(eq(0, '0')).toBe(false);
  });

  it('accepts absolute RFC 3986 URIs only', () => {
    const uri = helper('mcpgenFormatUri');
    for (const ok of ['https://example.com/a?b=c#d', 'file:///tmp/x', 'urn:isbn:0451450523', 'mailto:a@b.c', 'http://[::1]:8080/', 'test://static-text', 'data:image/png;base64,AAAA']) {
      expect(uri(ok), ok).toBe(true);
    }
    for (const bad of ['', 'relative/path', '//no-scheme', 'http://exa mple.com', '1http://x', 'http://x/%zz']) {
      expect(uri(bad), bad).toBe(false);
    }
  });

  it('accepts padded base64 only', () => {
    const byte = helper('mcpgenFormatByte');
    expect(byte('aGVsbG8=')).toBe(true);
    expect(byte('')).toBe(true);
    expect(byte('aGVsbG8')).toBe(false);
    expect(byte('a$==')).toBe(false);
  });
});
