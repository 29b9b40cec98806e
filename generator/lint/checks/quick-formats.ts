/**
 * Formats for lint's quick check (quick-validate.ts), decided exactly as
 * ajv-formats decides them, with shortcuts for the values schemas hold most
 * (`$ref` and `$schema` URIs, `pattern` regexes) so that linting a valid
 * manifest usually never loads ajv-formats.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface FormatDef {
  validate?: RegExp | ((s: string) => boolean);
  type?: string;
  async?: boolean;
}

let formats: Record<string, RegExp | ((s: string) => boolean) | FormatDef> | undefined;
/** ajv-formats' own definitions (a dependency-free module), so formats decide exactly as in Ajv. */
function formatDefs(): Record<string, RegExp | ((s: string) => boolean) | FormatDef> {
  return (formats ??= (require('ajv-formats/dist/formats.js') as { fullFormats: Record<string, RegExp | ((s: string) => boolean) | FormatDef> }).fullFormats);
}

/** Format results by format and string: the same `$ref`s, patterns and URIs recur in every tool. */
const formatResults = new Map<string, boolean>();

/** A format as ajv-formats decides it; false also for "not sure" (unknown format, non-string format). */
export function checkFormat(name: string, data: unknown): boolean {
  if (typeof data !== 'string' || data.length > 200) return checkFormatUncached(name, data);
  const key = name + '\u0000' + data;
  let ok = formatResults.get(key);
  if (ok === undefined) {
    ok = checkFormatUncached(name, data);
    if (formatResults.size > 50_000) formatResults.clear();
    formatResults.set(key, ok);
  }
  return ok;
}

/**
 * Shortcuts for the URIs schemas hold most (`$ref: "#/$defs/..."`, `$schema`
 * and `$id` URLs). Each accepts only strings that ajv-formats' full `uri` and
 * `uri-reference` patterns accept too (test/lint/uri-format-shortcuts.test.ts
 * checks it), so a match answers for them. Those patterns are huge: V8
 * compiles each on first use, 20 to 30 ms of every lint and generate.
 */
const LOCAL_REFERENCE = /^#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*$/i;
const PLAIN_URL = /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~]+(?:\/[a-z0-9\-._~]*)*(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** True: ajv-formats surely accepts `data` as `name`; false: ask it. */
export function uriFormatShortcut(name: string, data: string): boolean {
  if (name === 'uri') return PLAIN_URL.test(data);
  return name === 'uri-reference' && (LOCAL_REFERENCE.test(data) || PLAIN_URL.test(data));
}

/**
 * True: ajv-formats surely accepts `data` as a `regex` (the format of every
 * `pattern` in a schema), whose test is "compiles as a RegExp without flags,
 * and no `\Z` anchor"; this says yes only without any `\Z` at all.
 * test/lint/uri-format-shortcuts.test.ts checks it against ajv-formats.
 */
export function regexFormatShortcut(data: string): boolean {
  if (data.includes('\\Z')) return false;
  try {
    new RegExp(data);
    return true;
  } catch {
    return false;
  }
}

function checkFormatUncached(name: string, data: unknown): boolean {
  // Before loading ajv-formats: a lint whose formats all take a shortcut never needs it.
  if (typeof data === 'string' && (uriFormatShortcut(name, data) || (name === 'regex' && regexFormatShortcut(data)))) return true;
  const def = Object.hasOwn(formatDefs(), name) ? formatDefs()[name] : undefined;
  if (def === undefined) return false; // Ajv ignores unknown formats here, but say "not sure".
  if (typeof def === 'object' && !(def instanceof RegExp) && (def.async || (def.type !== undefined && def.type !== 'string'))) return false;
  if (typeof data !== 'string') return true; // string formats apply to strings only
  if (def instanceof RegExp) return def.test(data);
  if (typeof def === 'function') return def(data) === true;
  const v = def.validate;
  if (v instanceof RegExp) return v.test(data);
  return typeof v === 'function' && v(data) === true;
}
