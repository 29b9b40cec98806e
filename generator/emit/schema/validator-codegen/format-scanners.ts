/**
 * Character scanners for the ajv-formats checks that dominate a valid call
 * (issue 17 profile of the bench's tool 0: the `email` regex and the `date`
 * regex with its match array). Each accepts exactly the strings ajv-formats'
 * full definition accepts (a differential test over generated strings holds
 * them to that: test/emit/validator-codegen/format-scanners.test.ts):
 *
 * - `date`: /^(\d\d\d\d)-(\d\d)-(\d\d)$/ (no flags: ASCII digits, `$` is
 *   the end of the string), then month 1-12 and day 1 up to the month's
 *   length (29 in February of a leap year).
 * - `email`: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@
 *   (?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.
 *   Without the `u` flag, `i` folds only ASCII letters into these classes (a
 *   non-ASCII character whose upper case is ASCII, like U+017F, keeps its
 *   own), so: dot-separated non-empty atoms of the local characters, `@`,
 *   then at least two dot-separated labels of letters, digits and inner
 *   hyphens. No atom or label holds a `.` or `@`, so each one ends at the
 *   first character that is not its own: a scan without backtracking.
 */
export const FORMAT_SCANNERS = {
  date: {
    name: 'mvFormatDate',
    source: `// ajv-formats' "date", as a scanner (format-scanners.ts in mcpgen).
function mvFormatDate(s) {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = s.charCodeAt(0) - 48, y1 = s.charCodeAt(1) - 48, y2 = s.charCodeAt(2) - 48, y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48, m1 = s.charCodeAt(6) - 48, d0 = s.charCodeAt(8) - 48, d1 = s.charCodeAt(9) - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) {
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}`,
  },
  email: {
    name: 'mvFormatEmail',
    // One pass, no table: a letter or digit (the usual character) costs one
    // range test; `prev` is the last character taken (46, a dot, at the
    // start of the string and of the domain), so an empty atom or label
    // shows as a dot or `@` after a dot, and a hyphen at a label's end as
    // a dot or the end after a hyphen. ~15% faster than a scan per atom with
    // a character table (issue 17: the largest cost of the bench's valid call).
    source: `// ajv-formats' "email", as a scanner (format-scanners.ts in mcpgen).
function mvFormatEmail(s) {
  const n = s.length;
  let i = 0;
  let prev = 46;
  for (;; i++) {
    if (i === n) return false;
    const c = s.charCodeAt(i);
    if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10) prev = c;
    else if (c === 64) {
      if (prev === 46) return false;
      break;
    } else if (c === 46) {
      if (prev === 46) return false;
      prev = c;
    } else if (c === 33 || (c - 35) >>> 0 < 5 || c === 42 || c === 43 || c === 45 || c === 47 || c === 61 || c === 63 || (c - 94) >>> 0 < 3 || (c - 123) >>> 0 < 4) prev = c;
    else return false;
  }
  prev = 46;
  let dots = 0;
  for (i++; i < n; i++) {
    const c = s.charCodeAt(i);
    if (((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10) prev = c;
    else if (c === 45) {
      if (prev === 46) return false;
      prev = c;
    } else if (c === 46) {
      if (prev === 46 || prev === 45) return false;
      prev = c;
      dots++;
    } else return false;
  }
  return dots > 0 && prev !== 46 && prev !== 45;
}`,
  },
} as const;

export type ScannedFormat = keyof typeof FORMAT_SCANNERS;

export function isScannedFormat(name: string): name is ScannedFormat {
  return Object.hasOwn(FORMAT_SCANNERS, name);
}
