/**
 * A `pattern` the generated validator checks with a character scanner
 * instead of a RegExp call (the `collection` pattern was the largest single
 * cost of the bench's valid call). Only a small, exactly understood subset
 * of patterns qualifies; every other pattern keeps `new RegExp(source, "u")`:
 *
 * - anchored: `^` first, `$` last, nothing around them;
 * - a sequence of atoms: a printable ASCII literal that is not regex
 *   syntax, `\d`, an escaped syntax character, or a class `[...]` of such
 *   characters and ranges (no negation, no escapes inside);
 * - each atom at most once quantified: `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`
 *   (no lazy `?` after them);
 * - a greedy scan decides like the backtracking matcher: an atom with a
 *   variable count shares no character with any atom that can follow it
 *   directly (up to and including the next one that must match at least
 *   once). Then taking fewer characters would leave one that nothing after
 *   it can match, so the longest run is the only candidate.
 *
 * Every character such a pattern matches is ASCII, so scanning UTF-16 code
 * units is the same as the `u` flag's code points (a non-ASCII code point
 * matches no atom either way), and `$` without the `m` flag is the end of
 * the string. test/emit/validator-codegen/pattern-scanner.test.ts compares
 * the scanners with the RegExp on generated strings.
 */

interface Atom {
  /** Character codes (ASCII) the atom matches. */
  chars: Set<number>;
  min: number;
  max: number;
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split('').map((c) => c.charCodeAt(0)));
const DIGITS = new Set(Array.from({ length: 10 }, (_, i) => 48 + i));
const printable = (c: number): boolean => c >= 0x20 && c <= 0x7e;

/** The atoms of `source`, or undefined when it is not in the subset. */
export function parseSimplePattern(source: string): Atom[] | undefined {
  if (source.length < 2 || source[0] !== '^' || !source.endsWith('$') || source.endsWith('\\$')) return undefined;
  const body = source.slice(1, -1);
  const atoms: Atom[] = [];
  let i = 0;
  while (i < body.length) {
    let chars: Set<number> | undefined;
    const c = body.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      const end = body.indexOf(']', i + 1);
      if (end < 0) return undefined;
      chars = parseClass(body.slice(i + 1, end));
      i = end + 1;
    } else if (c === 0x5c /* \ */) {
      const next = body.charCodeAt(i + 1);
      if (next === 0x64 /* d */) chars = new Set(DIGITS);
      else if (SYNTAX.has(next)) chars = new Set([next]);
      i += 2;
    } else if (printable(c) && !SYNTAX.has(c)) {
      chars = new Set([c]);
      i++;
    }
    if (!chars || chars.size === 0) return undefined;
    const q = quantifier(body, i);
    if (!q) return undefined;
    i = q.end;
    atoms.push({ chars, min: q.min, max: q.max });
  }
  return deterministic(atoms) ? atoms : undefined;
}

function parseClass(text: string): Set<number> | undefined {
  if (text.length === 0 || text[0] === '^') return undefined;
  const chars = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!printable(c) || c === 0x5c /* \ */ || c === 0x5b /* [ */) return undefined;
    // A range `a-z` (a `-` first or last is itself).
    if (text[i + 1] === '-' && i + 2 < text.length) {
      const to = text.charCodeAt(i + 2);
      if (!printable(to) || to === 0x5c || to === 0x5b || to < c) return undefined;
      for (let x = c; x <= to; x++) chars.add(x);
      i += 2;
    } else chars.add(c);
  }
  return chars;
}

function quantifier(body: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = body[i];
  let q: { min: number; max: number; end: number };
  if (c === '?') q = { min: 0, max: 1, end: i + 1 };
  else if (c === '*') q = { min: 0, max: Infinity, end: i + 1 };
  else if (c === '+') q = { min: 1, max: Infinity, end: i + 1 };
  else if (c === '{') {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(body.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) return undefined;
    q = { min, max, end: i + m[0].length };
  } else return { min: 1, max: 1, end: i };
  // A lazy quantifier, or a quantifier on a quantifier.
  const after = body[q.end];
  if (after !== undefined && '?*+{'.includes(after)) return undefined;
  return q;
}

/** Whether a greedy scan without backtracking decides as the regex does (see above). */
function deterministic(atoms: Atom[]): boolean {
  for (let i = 0; i < atoms.length; i++) {
    if (atoms[i]!.min === atoms[i]!.max) continue;
    for (let j = i + 1; j < atoms.length; j++) {
      for (const c of atoms[j]!.chars) if (atoms[i]!.chars.has(c)) return false;
      if (atoms[j]!.min > 0) break;
    }
  }
  return true;
}

/** A JS test that `c` (a char code) is one of `chars`, as ranges. */
function classTest(chars: Set<number>, c: string): string {
  const sorted = [...chars].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? `${c} === ${sorted[i]}` : `(${c} >= ${sorted[i]} && ${c} <= ${sorted[j]})`);
    i = j + 1;
  }
  return parts.join(' || ');
}

/** A function expression `(s) => boolean` equivalent to `new RegExp(source, "u").test(s)` for strings, or undefined. */
export function patternScanner(source: string): string | undefined {
  const atoms = parseSimplePattern(source);
  if (!atoms) return undefined;
  const lines = ['(s) => {', '  const n = s.length;', '  let i = 0;', '  let c;'];
  atoms.forEach((atom, a) => {
    const test = classTest(atom.chars, 'c');
    if (atom.min === 1 && atom.max === 1) {
      lines.push(`  if (i === n) return false;`, `  c = s.charCodeAt(i++);`, `  if (!(${test})) return false;`);
      return;
    }
    const start = `start${a}`;
    lines.push(`  const ${start} = i;`);
    const limit = atom.max === Infinity ? 'i < n' : `i < n && i - ${start} < ${atom.max}`;
    lines.push(`  while (${limit}) {`, `    c = s.charCodeAt(i);`, `    if (!(${test})) break;`, '    i++;', '  }');
    if (atom.min > 0) lines.push(`  if (i - ${start} < ${atom.min}) return false;`);
  });
  lines.push('  return i === n;', '}');
  return lines.join('\n');
}
