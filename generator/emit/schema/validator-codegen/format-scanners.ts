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
    source: `// ajv-formats' "email", as a scanner (format-scanners.ts in mcpgen).
// Its character classes by code: 1 local part, 2 label (letters, digits), 4 hyphen.
const mvEmailChars = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const local = alnum || (c >= 35 && c <= 39) || c === 33 || c === 42 || c === 43 || c === 45 || c === 47 || c === 61 || c === 63 || (c >= 94 && c <= 96) || (c >= 123 && c <= 126);
  mvEmailChars[c] = (local ? 1 : 0) | (alnum ? 2 : 0) | (c === 45 ? 4 : 0);
}

function mvFormatEmail(s) {
  const n = s.length;
  let i = 0;
  for (;;) {
    const start = i;
    let c = 0;
    while (i < n && (c = s.charCodeAt(i)) < 128 && mvEmailChars[c] & 1) i++;
    if (i === start || i === n) return false;
    c = s.charCodeAt(i++);
    if (c === 64) break;
    if (c !== 46) return false;
  }
  let labels = 0;
  for (;;) {
    const start = i;
    let c = 0;
    while (i < n && (c = s.charCodeAt(i)) < 128 && mvEmailChars[c] & 6) i++;
    // Not empty, and no hyphen first or last (both ends were scanned, so they are below 128).
    if (i === start || mvEmailChars[s.charCodeAt(start)] & 4 || mvEmailChars[s.charCodeAt(i - 1)] & 4) return false;
    labels++;
    if (i === n) return labels >= 2;
    if (s.charCodeAt(i++) !== 46) return false;
  }
}`,
  },
} as const;

export type ScannedFormat = keyof typeof FORMAT_SCANNERS;

export function isScannedFormat(name: string): name is ScannedFormat {
  return Object.hasOwn(FORMAT_SCANNERS, name);
}
