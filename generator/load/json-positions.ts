/**
 * Positions for JSON text that JSON.parse already accepted: one linear scan
 * that records where every value (and key) starts and ends. It is the fast
 * path of parse-document.ts — the YAML parser is two orders of magnitude
 * slower on large documents (a 500-tool manifest: ~450 ms against ~5 ms).
 *
 * Returns false when the text has a duplicate key (JSON.parse silently keeps
 * the last), so the caller can fall back to the YAML parser, which reports it.
 */
import { joinPointer } from './json-pointer.js';
import { SourceText, type SourceMap } from './source-map.js';

/** Whitespace, `,`, `]` and `}`. */
const DELIMITERS = new Set([0x20, 0x0a, 0x0d, 0x09, 0x2c, 0x5d, 0x7d]);

/** Returns true, false (duplicate key), or the offset of a value nested deeper than `maxDepth`. */
export function scanJsonPositions(text: string, file: string, sourceMap: SourceMap, maxDepth = Infinity): boolean | number {
  const source = new SourceText(file, text);
  let i = 0;
  const skipWs = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
      else break;
    }
  };
  const skipString = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) {
        i++;
        return;
      } else i++;
    }
  };
  const record = (pointer: string, start: number, end: number, keyStart?: number) => {
    sourceMap.set(pointer, keyStart === undefined ? { source, start, end } : { source, start, end, keyStart });
  };

  let deepAt: number | undefined;
  const value = (pointer: string, keyStart?: number, depth = 0): boolean => {
    skipWs();
    const start = i;
    const c = text[i];
    if (depth > maxDepth) {
      deepAt = start;
      return false;
    }
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      skipWs();
      while (text[i] !== '}') {
        const keyAt = i;
        skipString();
        const raw = text.slice(keyAt + 1, i - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(keyAt, i)) as string) : raw;
        if (seen.has(key)) return false;
        seen.add(key);
        skipWs();
        i++; // colon
        if (!value(joinPointer(pointer, key), keyAt, depth + 1)) return false;
        skipWs();
        if (text[i] === ',') i++;
        skipWs();
      }
      i++;
    } else if (c === '[') {
      i++;
      let index = 0;
      skipWs();
      while (text[i] !== ']') {
        if (!value(joinPointer(pointer, index++), undefined, depth + 1)) return false;
        skipWs();
        if (text[i] === ',') i++;
        skipWs();
      }
      i++;
    } else if (c === '"') {
      skipString();
    } else {
      // number, true, false or null: runs to the next delimiter
      while (i < text.length && !DELIMITERS.has(text.charCodeAt(i))) i++;
    }
    record(pointer, start, i, keyStart);
    return true;
  };
  const ok = value('');
  return deepAt ?? ok;
}

/**
 * What the loader must know about clean JSON before anything is reported,
 * without recording positions: how many keys the text writes (JSON.parse
 * keeps one per name, so fewer keys in the parsed value means a duplicate),
 * and the offset of the first value nested deeper than `maxDepth` (the same
 * offset scanJsonPositions reports). One pass, no allocation per node; the
 * positions themselves are scanned only when a diagnostic asks for one.
 * `text` must be JSON that JSON.parse accepted.
 */
export function scanJsonShape(text: string, maxDepth: number): { keys: number; deepAt: number | undefined } {
  let keys = 0;
  let depth = 0;
  /** Open containers: true for an object. Bounded by maxDepth + 1. */
  const inObject: boolean[] = [];
  let keyNext = false;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff || c === 0x3a /* : */) {
      i++;
    } else if (c === 0x2c /* , */) {
      keyNext = inObject[depth - 1] === true;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      inObject.pop();
      keyNext = false;
      i++;
    } else if (c === 0x22 /* " */ && keyNext) {
      keys++;
      keyNext = false;
      i = afterString(text, i);
    } else {
      // A value starts here.
      if (depth > maxDepth) return { keys, deepAt: i };
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        inObject.push(c === 0x7b);
        depth++;
        keyNext = c === 0x7b;
        i++;
      } else if (c === 0x22) {
        i = afterString(text, i);
      } else {
        while (i < n && !DELIMITERS.has(text.charCodeAt(i))) i++;
      }
    }
  }
  return { keys, deepAt: undefined };
}

/** The index just after the string whose opening quote is at `i` (the text's length when it is not closed). */
export function afterString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return i;
}

/** Own keys of every object in a parsed JSON value (no deeper than the shape scan allowed). */
export function countJsonKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += countJsonKeys(item);
  } else {
    for (const key in value) {
      count++;
      count += countJsonKeys((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}

/**
 * The loader's usual answer without scanning the text character by character
 * (which, in a fresh process, ran in V8's slow tiers: ~35 ms for a 1.2 MB
 * manifest): true when `text`, which JSON.parse accepted as `value`, has no
 * duplicate key and no value nested deeper than `maxDepth`.
 *
 * Every key and every string value is written as one quoted string, and a
 * raw `"` occurs only at either end of one (inside, it is escaped as `\"`).
 * JSON.parse keeps every string of the text except those of a duplicate
 * key's earlier occurrences (its key at least), so the text has exactly two
 * unescaped quotes per string of the parsed value if and only if no key is
 * duplicated. The quotes are found with indexOf (native); the value is walked
 * once, and no deeper than `maxDepth`. false means "not sure": scanJsonShape
 * then decides, and finds where.
 */
export function jsonIsClean(text: string, value: unknown, maxDepth: number, facts?: JsonFacts): boolean {
  const state = { maxDepth, fileRef: false };
  const strings = countStrings(value, 0, state);
  if (strings < 0) return false;
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    if (text.charCodeAt(i - 1) === 0x5c /* \ */) {
      let b = i - 1;
      while (text.charCodeAt(b) === 0x5c) b--;
      if ((i - 1 - b) % 2 === 1) continue; // an escaped quote, inside a string
    }
    quotes++;
  }
  if (facts) facts.fileRef = state.fileRef;
  return quotes === 2 * strings;
}

/**
 * `JSON.parse(text)`, and whether jsonIsClean vouches for it (no duplicate
 * key, nothing deeper than `maxDepth`) with what its walk learnt; undefined
 * when the text does not parse.
 */
export function parseJson(text: string, maxDepth: number): { value: unknown; clean: boolean; facts: JsonFacts } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const facts: JsonFacts = { fileRef: true };
  return { value, clean: jsonIsClean(text, value, maxDepth, facts), facts };
}

/** What the walk of jsonIsClean also learns about the value (valid when it returns true). */
export interface JsonFacts {
  /** Some object has a `$ref` string naming a file (not starting with `#`: resolve-schema-refs.ts isFileRef). */
  fileRef: boolean;
}

/** Keys and string values in a parsed JSON value; -1 when a value sits deeper than maxDepth containers. */
function countStrings(value: unknown, depth: number, state: { maxDepth: number; fileRef: boolean }): number {
  if (typeof value === 'string') return 1;
  if (value === null || typeof value !== 'object') return 0;
  if (depth >= state.maxDepth) return containerHoldsValues(value) ? -1 : 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const n = countStrings(value[i], depth + 1, state);
      if (n < 0) return -1;
      count += n;
    }
  } else {
    const ref = (value as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) state.fileRef = true;
    for (const key in value) {
      const n = countStrings((value as Record<string, unknown>)[key], depth + 1, state);
      if (n < 0) return -1;
      count += 1 + n;
    }
  }
  return count;
}

/** A non-empty array or object (its members would sit one level deeper). */
function containerHoldsValues(value: object): boolean {
  if (Array.isArray(value)) return value.length > 0;
  for (const _key in value) return true;
  return false;
}
