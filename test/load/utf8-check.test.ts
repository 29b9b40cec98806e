/**
 * Reading a manifest clears valid UTF-8 with Node's native check and only
 * scans for the offending byte otherwise; both must agree on what is valid
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 */
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../generator/load/read-input.js';

describe('UTF-8 validity', () => {
  it('native check and offset scan agree on edge cases and random bytes', () => {
    const cases = [
      [0x41], [0xc2, 0xa9], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80],
      [0xef, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80],
      [0xff], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xe2, 0x28, 0xa1],
    ];
    let s = 7;
    const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor(s / 65536) % n);
    for (let k = 0; k < 3000; k++) {
      const bytes = Array.from({ length: 1 + rand(8) }, () => (rand(3) === 0 ? rand(256) : [0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4][rand(8)]!));
      cases.push(bytes);
    }
    let invalid = 0;
    for (const c of cases) {
      const bytes = Uint8Array.from(c);
      expect(isUtf8(bytes), c.map((b) => b.toString(16)).join(' ')).toBe(firstInvalidUtf8(bytes) < 0);
      if (firstInvalidUtf8(bytes) >= 0) invalid++;
    }
    expect(invalid).toBeGreaterThan(500);
    expect(cases.length - invalid).toBeGreaterThan(100);
  });
});
