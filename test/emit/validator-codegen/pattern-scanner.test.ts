/**
 * Patterns in the subset pattern-scanner.ts accepts are checked by a
 * generated scanner instead of `new RegExp(source, "u")`: the scanner must
 * decide every string as the RegExp does. Compared on fixed and seeded
 * random patterns of that subset (including ones where a greedy scan would
 * be wrong, which must keep the RegExp), over every short string of the
 * relevant characters and over random longer ones with non-ASCII and
 * surrogate code units mixed in.
 */
import { expect, test } from 'vitest';
import { patternScanner } from '../../../generator/emit/schema/validator-codegen/pattern-scanner.js';

function rng(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // The high bits: an LCG's low bits repeat with short periods.
    return (state >>> 12) % n;
  };
}

/** Strings: all of length <= 3 over `alphabet`, then `count` random ones up to `maxLength` over `alphabet` and `extra`. */
function* strings(alphabet: string[], extra: string[], next: (n: number) => number, count: number, maxLength: number): Generator<string> {
  let level = [''];
  for (let len = 0; len <= 3; len++) {
    yield* level;
    level = level.flatMap((s) => alphabet.map((c) => s + c));
  }
  const all = [...alphabet, ...extra];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let i = next(maxLength + 1); i > 0; i--) s += all[next(all.length)];
    yield s;
  }
}

const EXTRA = ['\u00e9', '\ud83d', '\ude00', '\ud83d\ude00', '\n', 'A', ' '];

function disagreement(source: string, alphabet: string[], seed: number): string | undefined {
  const code = patternScanner(source);
  if (!code) return undefined;
  const scan = new Function(`return ${code};`)() as (s: string) => boolean;
  const re = new RegExp(source, 'u');
  for (const s of strings(alphabet, EXTRA, rng(seed), 1000, 40)) if (scan(s) !== re.test(s)) return JSON.stringify(s);
  return undefined;
}

test('fixed patterns: scanned where a greedy scan decides, same verdict as the RegExp', () => {
  const scanned = ['^[a-z][a-z0-9_-]{1,31}$', '^[A-Z]{2}$', '^\\d{4}-\\d{2}-\\d{2}$', '^[a-z]*[0-9]+\\.txt$', '^a{2,}b*$', '^[a-c]?x[0-9]{0,3}$', '^-[_a]+$', '^[a-z]{3,8}$', '^v\\d+\\.\\d+$'];
  for (const source of scanned) {
    expect(patternScanner(source), source).toBeDefined();
    expect(disagreement(source, [...'abcxyz019_-.tv'], source.length), source).toBeUndefined();
  }
  // Where a shorter run could let the rest match, or outside the subset: the RegExp stays.
  const kept = ['^a+a$', '^x?[a-z]$', '^[a-z]*[a-z0-9]$', '^[a-z]+?$', 'abc', '^abc', 'abc$', '^a|b$', '^(ab)+$', '^[^a]$', '^\\w+$', '^a\\$', '^.$', '^[a-z]{2,1}$', '^a{,3}$', '^a**$', '^[]$'];
  for (const source of kept) expect(patternScanner(source), source).toBeUndefined();
});

test('random patterns of the subset: every scanned one decides as the RegExp', () => {
  const next = rng(2026);
  const atoms = ['a', 'b', 'x', '-', '\\.', '\\d', '[a-c]', '[b-d]', '[0-9]', '[a-z0-9_-]', '[x.]', '[-a]'];
  const quantifiers = ['', '', '?', '*', '+', '{2}', '{0,2}', '{1,3}', '{2,}'];
  let scanned = 0;
  for (let k = 0; k < 200; k++) {
    let source = '^';
    for (let n = 1 + next(4); n > 0; n--) source += atoms[next(atoms.length)]! + quantifiers[next(quantifiers.length)]!;
    source += '$';
    if (patternScanner(source)) scanned++;
    expect(disagreement(source, [...'abcdx-.09_z'], k), source).toBeUndefined();
  }
  // Both kinds are well represented.
  expect(scanned).toBeGreaterThan(40);
  expect(scanned).toBeLessThan(160);
});
