/**
 * The generated validators check `date` and `email` with scanners of
 * mcpgen's instead of ajv-formats' regexes (format-scanners.ts). They must
 * accept exactly the same strings as ajv-formats' full definitions: compared
 * here on hand-picked edge cases, on every UTF-16 code unit in each position
 * of a valid value, on every year/month/day pair of chosen years, and on
 * seeded random strings over the characters that matter.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { expect, test } from 'vitest';
import { FORMAT_SCANNERS, type ScannedFormat } from '../../../generator/emit/schema/validator-codegen/format-scanners.js';

const scanner = (name: ScannedFormat): ((s: string) => boolean) =>
  new Function(`${FORMAT_SCANNERS[name].source}\nreturn ${FORMAT_SCANNERS[name].name};`)() as (s: string) => boolean;

const reference: Record<ScannedFormat, (s: string) => boolean> = {
  date: (s) => (fullFormats.date as { validate: (s: string) => boolean }).validate(s),
  email: (s) => (fullFormats.email as RegExp).test(s),
};

/** The strings (at most 5 shown) where the scanner and ajv-formats disagree. */
function disagreements(name: ScannedFormat, strings: Iterable<string>): { count: number; total: number; first: string[] } {
  const mine = scanner(name);
  const first: string[] = [];
  let count = 0;
  let total = 0;
  for (const s of strings) {
    total++;
    if (mine(s) !== reference[name](s)) {
      count++;
      if (first.length < 5) first.push(JSON.stringify(s));
    }
  }
  return { count, total, first };
}

function* random(seed: number, alphabet: string[], count: number, maxLength: number): Generator<string> {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // The high bits: an LCG's low bits repeat with short periods.
    return (state >>> 12) % n;
  };
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let i = next(maxLength + 1); i > 0; i--) s += alphabet[next(alphabet.length)];
    yield s;
  }
}

function* everyCodeUnitIn(templates: ((ch: string) => string)[]): Generator<string> {
  for (let c = 0; c < 0x10000; c++) for (const t of templates) yield t(String.fromCharCode(c));
}

// Characters around every boundary of both definitions, and non-ASCII ones whose case folds to ASCII.
const TRICKY = ['\u017f', '\u0131', '\u212a', '\u0130', '\u00df', '\u00b5', '\u00e9', '\u0660', '\uff10', '\ud800', '\udc00', '\n', ' ', '\0'];

test('date: the same verdict as ajv-formats', () => {
  const edges = ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-12-31', '2024-1-01', '2024-01-01\n', ' 2024-01-01', '2024/01/01', '', '20240101'];
  const days = function* (): Generator<string> {
    for (const y of ['0000', '0004', '0100', '1900', '2000', '2023', '2024', '2100', '9999'])
      for (let m = 0; m < 100; m++) for (let d = 0; d < 100; d++) yield `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const positions = everyCodeUnitIn([(c) => `${c}024-01-15`, (c) => `2024-0${c}-15`, (c) => `2024${c}01-15`, (c) => `2024-01-1${c}`, (c) => `2024-01-15${c}`]);
  const randoms = random(11, [...'0123456789-', 'x', ...TRICKY], 100_000, 12);
  for (const set of [edges, days(), positions, randoms]) {
    const result = disagreements('date', set);
    expect(result.total).toBeGreaterThan(0);
    expect(result.first).toEqual([]);
  }
});

test('email: the same verdict as ajv-formats', () => {
  const edges = ['a@b.c', 'a@b', 'a.b@c.d', '.a@b.c', 'a.@b.c', 'a..b@c.d', 'a@-b.c', 'a@b-.c', 'a@b..c', 'a@b.c.', 'a@.b.c', 'A@B.CO', "!#$%&'*+/=?^_`{|}~-@x-1.y", 'a@b@c.d', '@b.c', 'a@b.c\n', 'a b@c.d', '"a"@b.c', 'a@[1.2.3.4]', ''];
  // The one-pass scanner's state (the last character taken) at every boundary: hyphens and dots next to dots, `@` and the ends.
  edges.push('a@b-c.d', 'a@b--c.d', 'a@b.c-', 'a@b.-c', 'a@-.c', 'a@.', 'a@b.', 'a@', '-@b.c', 'a-@b.c', '.@b.c', 'a@b.c.d', 'a@b.c..', 'a.b.c@d.e', 'a@0.9', 'a@B-9.z-Z');
  const positions = everyCodeUnitIn([(c) => `${c}@b.co`, (c) => `a${c}b@c.co`, (c) => `a@${c}.co`, (c) => `a@b${c}c.co`, (c) => `a@b.c${c}`, (c) => `a@b.co${c}`]);
  const chars = random(7, [...'aZ09.@-_+!#$%&\'*/=?^`{|}~"(),:;<>[\\]', ...TRICKY], 150_000, 12);
  const pieces = random(23, ['a', 'Z', '9', '-', '.', '@', 'b.c', 'x-y', '!', '\u017f'], 150_000, 8);
  for (const set of [edges, positions, chars, pieces]) {
    const result = disagreements('email', set);
    expect(result.total).toBeGreaterThan(0);
    expect(result.first).toEqual([]);
  }
});
