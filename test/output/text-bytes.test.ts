/** The reused encoding buffer of the write stage (output/text-bytes.ts): same bytes as Buffer.from, whatever came before. */
import { describe, expect, it } from 'vitest';
import { encodeTransient } from '../../generator/output/text-bytes.js';

describe('encodeTransient', () => {
  it('gives the UTF-8 bytes of each text, growing and reusing one buffer', () => {
    const texts = ['', 'ascii only', 'café ✓ 𝄞', 'x'.repeat(200_000), 'lone \ud800 surrogate', 'short again', '\u2028\u2029'.repeat(50_000)];
    for (const text of texts) {
      const bytes = encodeTransient(text);
      expect(Buffer.compare(bytes, Buffer.from(text, 'utf8'))).toBe(0);
    }
  });

  it('returns a view that the next call reuses (callers must not keep it)', () => {
    const first = encodeTransient('first text');
    const copy = Buffer.from(first);
    encodeTransient('other text');
    expect(first.buffer).toBe(encodeTransient('third').buffer);
    expect(copy.toString()).toBe('first text');
  });
});
