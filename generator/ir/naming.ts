/**
 * Naming as a stage of its own: every declared object gets a TypeScript
 * identifier (camelCase, for values) and a type name (PascalCase) once, before
 * any emitter runs. Names are valid identifiers, never reserved words or
 * globals that generated code relies on, and never collide within their scope
 * (collisions get a numeric suffix in declaration order, so the result is
 * deterministic). File names use the identifier too, so hostile names such as
 * `../../x` can never become paths.
 */

/** Reserved words (ES2023, strict mode, TypeScript contextual keywords that break declarations). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async of get set ' +
    'arguments eval undefined NaN Infinity any unknown never number string boolean symbol object bigint type ' +
    'namespace module declare abstract as is keyof readonly require infer constructor satisfies accessor'
  ).split(' '),
);

/** Globals and names used by generated code that a declaration must not shadow. */
const GLOBALS = new Set(
  (
    'Object Function Array String Number Boolean Symbol BigInt Error TypeError RangeError SyntaxError EvalError ' +
    'ReferenceError URIError AggregateError Math JSON Date RegExp Map Set WeakMap WeakSet WeakRef Promise Proxy Reflect ' +
    'Intl ArrayBuffer SharedArrayBuffer DataView Atomics globalThis Buffer process console module exports require ' +
    'Request Response Headers URL URLSearchParams AbortController AbortSignal TextEncoder TextDecoder ' +
    'fetch setTimeout clearTimeout setInterval clearInterval queueMicrotask structuredClone Event EventTarget ' +
    'Uint8Array Int8Array Uint16Array Int16Array Uint32Array Int32Array Float32Array Float64Array ' +
    'Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Parameters Awaited ' +
    'McpServer Handlers Tool Resource Prompt server handlers input output args extra z'
  ).split(' '),
);

/** Names are cut to this length before they become identifiers (lint reports anything over 128). */
const MAX_NAME_SOURCE = 256;

export function isReservedName(name: string): boolean {
  return RESERVED.has(name) || GLOBALS.has(name);
}

/** Splits `get_user-v2.list`, `getUserV2`, `HTTPServer` into words. */
export function splitWords(name: string): string[] {
  return [...wordsOf(name)];
}

/**
 * The words of a name, remembered: each name is split for its identifier,
 * for its type name and again by lint's identifier-collision check, and on a
 * large manifest the splitting was a visible part of lint.
 */
function wordsOf(name: string): readonly string[] {
  let words = wordsByName.get(name);
  if (words === undefined) {
    words = splitWordsUncached(name);
    if (wordsByName.size >= MAX_REMEMBERED_NAMES) wordsByName.clear();
    wordsByName.set(name, words);
  }
  return words;
}

const wordsByName = new Map<string, readonly string[]>();
const MAX_REMEMBERED_NAMES = 50_000;

/** No upper-case letter and nothing beyond ASCII: nothing to normalize and no case boundary to find. */
const PLAIN_LOWER_ASCII = /^[^A-Z\u0080-\uffff]*$/;

function splitWordsUncached(name: string): string[] {
  // The usual tool name (`get_user`, `list-files`): the general path below gives the same words.
  if (PLAIN_LOWER_ASCII.test(name)) return name.split(/[^a-z0-9]+/).filter(Boolean);
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export function toCamelCase(name: string): string {
  return cased(name, camelByName, camelOf);
}

export function toPascalCase(name: string): string {
  return cased(name, pascalByName, pascalOf);
}

/** Each name's cased forms, like its words: every run of `generate --watch` names every item again. */
const camelByName = new Map<string, string>();
const pascalByName = new Map<string, string>();

function cased(name: string, known: Map<string, string>, make: (words: readonly string[]) => string): string {
  let out = known.get(name);
  if (out === undefined) {
    out = make(wordsOf(name));
    if (known.size >= MAX_REMEMBERED_NAMES) known.clear();
    known.set(name, out);
  }
  return out;
}

function camelOf(words: readonly string[]): string {
  if (words.length === 0) return '';
  let out = words[0]!.toLowerCase();
  for (let i = 1; i < words.length; i++) out += capitalize(words[i]!);
  return out;
}

function pascalOf(words: readonly string[]): string {
  let out = '';
  for (let i = 0; i < words.length; i++) out += capitalize(words[i]!);
  return out;
}

/**
 * Hands out unique names within one scope. `fallback` is used when the source
 * has no usable character at all (`"!!!"`, `"日本"`).
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  /**
   * A unique identifier derived from `source`. Uniqueness is case-insensitive,
   * because identifiers become file names and some file systems fold case.
   */
  claim(source: string, style: 'camel' | 'pascal', fallback: string): string {
    // A missing or non-string name is reported by lint; naming must not crash on it.
    // Over-long names are lint errors; naming looks at a bounded prefix so hostile lengths stay linear.
    const text = typeof source === 'string' ? source.slice(0, MAX_NAME_SOURCE) : '';
    let base = style === 'camel' ? toCamelCase(text) : toPascalCase(text);
    if (!base) base = fallback;
    if (/^[0-9]/.test(base)) base = (style === 'camel' ? '_' : 'T') + base;
    if (isReservedName(base)) base = style === 'camel' ? `${base}_` : `${base}_`;
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
