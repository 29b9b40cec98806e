/**
 * Where the elements of an array sit in a JSON text, found by a scan of the
 * text's structure (strings skipped as json-positions.ts skips them). For a
 * text JSON.parse accepted: anything unexpected gives undefined, and the
 * caller then does without (json-reparse.ts parses the whole text instead).
 */
import { afterString } from './json-positions.js';

/** An array in a text: its brackets and, flat, the start and end (exclusive) of each element. */
export interface ArraySpans {
  open: number;
  close: number;
  /** [start0, end0, start1, end1, ...] */
  items: number[];
}

const QUOTE = 0x22;

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index just after the JSON value starting at `i`, or -1. */
function valueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return afterString(text, i);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) j = afterString(text, j) - 1;
      else if (c === 0x7b || c === 0x5b) depth++;
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
    const keyEnd = afterString(text, i);
    let name: unknown;
    try {
      name = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return undefined;
    }
    i = skipSpace(text, keyEnd);
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
