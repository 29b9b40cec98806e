/**
 * Where the elements of an array sit in a JSON text, found by a scan of the
 * text's structure (strings skipped with indexOf). For a text already known
 * to be valid JSON: anything unexpected gives undefined, and the caller then
 * does without (json-reparse.ts parses the whole text instead).
 */

/** An array in a text: its brackets and, flat, the start and end (exclusive) of each element. */
export interface ArraySpans {
  open: number;
  close: number;
  /** [start0, end0, start1, end1, ...] */
  items: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index of the quote that closes the string opening at `i`, or -1. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; ; ) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    j = q + 1;
  }
}

/** The index just after the JSON value starting at `i`, or -1. */
function valueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) {
    const end = stringEnd(text, i);
    return end < 0 ? -1 : end + 1;
  }
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        j = stringEnd(text, j);
        if (j < 0) return -1;
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  // A number, true, false or null: up to the next separator.
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) break;
    j++;
  }
  return j > i ? j : -1;
}

/** The elements of the array whose `[` is at `open`. */
export function elementSpans(text: string, open: number): ArraySpans | undefined {
  if (text.charCodeAt(open) !== 0x5b) return undefined;
  const items: number[] = [];
  let i = skipSpace(text, open + 1);
  if (text.charCodeAt(i) === 0x5d) return { open, close: i, items };
  for (;;) {
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    items.push(i, end);
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x5d) return { open, close: i, items };
    if (c !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
}

/** The elements of the array that is the value of `key` in the text's root object (its first such member). */
export function rootArraySpans(text: string, key: string): ArraySpans | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return undefined;
  i = skipSpace(text, i + 1);
  while (text.charCodeAt(i) === QUOTE) {
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return undefined;
    let name: unknown;
    try {
      name = JSON.parse(text.slice(i, keyEnd + 1));
    } catch {
      return undefined;
    }
    i = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== 0x3a) return undefined;
    i = skipSpace(text, i + 1);
    if (name === key) return elementSpans(text, i);
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** The spans of `count` values separated by commas, the first starting at `from` (after any space). */
export function listSpans(text: string, from: number, count: number): number[] | undefined {
  const items: number[] = [];
  let i = skipSpace(text, from);
  for (let k = 0; k < count; k++) {
    if (k > 0) {
      if (text.charCodeAt(i) !== 0x2c) return undefined;
      i = skipSpace(text, i + 1);
    }
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    items.push(i, end);
    i = skipSpace(text, end);
  }
  return items;
}
