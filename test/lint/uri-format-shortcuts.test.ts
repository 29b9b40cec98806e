/**
 * Lint's shortcuts for `uri` and `uri-reference` (quick-formats.ts) accept
 * nothing that ajv-formats' full patterns reject: over every short string of
 * an alphabet of URI characters and delimiters, and over random longer ones.
 * They must also take the common cases, or they save nothing.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { regexFormatShortcut, uriFormatShortcut } from '../../generator/lint/checks/quick-formats.js';
import { seeded } from '../../fuzz/mutate.js';

type Check = (s: string) => boolean;
const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as { fullFormats: Record<string, RegExp | Check> };
const full: Record<string, Check> = {
  uri: fullFormats.uri as Check,
  'uri-reference': (s) => (fullFormats['uri-reference'] as RegExp).test(s),
};

const ALPHABET = ['a', 'Z', '0', '-', '.', '_', '~', '#', '/', ':', '?', '@', '%', '2', 'f', 'g', ' ', '"', '[', ']', '\\', 'é', '$', '\n'];
const PREFIXES = ['', '#', '#/', 'h://', 'https://', 'https://a', 'a:', '//', 'urn:x'];

function* shortStrings(maxLength: number): Generator<string> {
  const stack = [''];
  while (stack.length) {
    const s = stack.pop()!;
    yield s;
    if (s.length < maxLength) for (const c of ALPHABET) stack.push(s + c);
  }
}

describe('uri format shortcuts in lint', () => {
  it('never accept what ajv-formats rejects (exhaustive to length 3 after each prefix)', () => {
    let accepted = 0;
    for (const prefix of PREFIXES) {
      for (const tail of shortStrings(3)) {
        const s = prefix + tail;
        for (const name of ['uri', 'uri-reference'] as const) {
          if (!uriFormatShortcut(name, s)) continue;
          accepted++;
          expect(full[name]!(s), `${name} ${JSON.stringify(s)}`).toBe(true);
        }
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it('never accept what ajv-formats rejects (random strings up to 40 characters)', () => {
    const rng = seeded(2026);
    const int = (n: number): number => Math.floor(rng() * n);
    for (let i = 0; i < 50_000; i++) {
      let s = PREFIXES[int(PREFIXES.length)]!;
      const length = int(40);
      for (let j = 0; j < length; j++) s += ALPHABET[int(ALPHABET.length)]!;
      for (const name of ['uri', 'uri-reference'] as const) {
        if (uriFormatShortcut(name, s)) expect(full[name]!(s), `${name} ${JSON.stringify(s)}`).toBe(true);
      }
    }
  });

  it('take the URIs schemas hold most', () => {
    for (const s of ['#/$defs/Principal', '#', '#/properties/a%20b', 'https://json-schema.org/draft/2020-12/schema', 'http://json-schema.org/draft-07/schema#']) {
      expect(uriFormatShortcut('uri-reference', s), s).toBe(true);
    }
    expect(uriFormatShortcut('uri', 'https://json-schema.org/draft/2020-12/schema')).toBe(true);
    expect(uriFormatShortcut('uri', '#/a')).toBe(false);
  });
});

describe('regex format shortcut in lint', () => {
  const regex = fullFormats.regex as Check;
  const PIECES = ['a', 'Z', '\\', '\\Z', 'x\\Z', '\\\\Z', '(', ')', '[', ']', '{2,3}', '{', '}', '*', '+', '?', '^', '$', '|', '\\d', '\\p{L}', '(?<n>a)', '\\k<n>', '\\1', '/', '-', ' ', 'é', '\n'];
  it('never accepts a pattern ajv-formats rejects, and accepts the usual ones', () => {
    const rng = seeded(17);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let n = Math.floor(rng() * 6); n >= 0; n--) s += PIECES[Math.floor(rng() * PIECES.length)]!;
      if (!regexFormatShortcut(s)) continue;
      accepted++;
      expect(regex(s), JSON.stringify(s)).toBe(true);
    }
    expect(accepted).toBeGreaterThan(2000);
    for (const s of ['^[a-z0-9-]{8,64}$', '^\\d{4}-\\d{2}$', '^(?:a|b)+$', '']) expect(regexFormatShortcut(s), s).toBe(true);
    expect(regexFormatShortcut('a\\Z')).toBe(false);
    expect(regexFormatShortcut('(')).toBe(false);
  });
});
