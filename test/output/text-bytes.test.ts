/**
 * Large generated texts are hashed and written through a reused buffer
 * (output/text-bytes.ts): the hash and the bytes on disk must be exactly
 * those of the string as UTF-8, whatever it holds (multi-byte characters,
 * astral characters, lone surrogates) and however its size compares with
 * the buffer's.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256OfText, writeText } from '../../generator/output/text-bytes.js';
import { writeFiles } from '../helpers/write-files.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('text bytes', () => {
  const samples: [string, string][] = [
    ['small ASCII', 'export const a = 1;\n'],
    ['large ASCII', 'x'.repeat(200_000)],
    // Grows the buffer past its first size: three bytes per character.
    ['large three-byte', '\u20ac'.repeat(150_000)],
    ['large astral and lone surrogates', `${'a'.repeat(70_000)}\u{1F600}\ud800${'\u00e9'.repeat(40_000)}\udc00end`],
    // After a larger text: the buffer holds more bytes than this text has.
    ['large after larger', 'y'.repeat(65_536)],
  ];

  it('hash every text as its UTF-8 bytes', () => {
    for (const [name, text] of samples) expect(sha256OfText(text), name).toBe(reference(text));
    expect(sha256OfText(Buffer.from('bytes'))).toBe(reference('bytes'));
  });

  it('write every text as its UTF-8 bytes', () => {
    const dir = writeFiles({});
    samples.forEach(([name, text], i) => {
      const path = join(dir, `f${i}`);
      const fd = openSync(path, 'w');
      writeText(fd, text);
      closeSync(fd);
      expect(readFileSync(path).equals(Buffer.from(text, 'utf8')), name).toBe(true);
    });
  });
});
