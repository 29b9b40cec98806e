/**
 * How manifest strings reach generated validator code: only ever as JSON
 * literals (`jsLiteral`), never spliced raw, because property names and
 * patterns are untrusted. Also the JSON Pointer / URI-fragment escapes Ajv
 * applies to `instancePath` and `schemaPath`, so errors read the same.
 */
import { jsLiteral as safeLiteral } from '../../shared/safe-code.js';

const NEEDS_ESCAPES = /[\u2028\u2029]|<\/|"__proto__"/;

/**
 * A JavaScript literal for a JSON value: safe-code's `jsLiteral`, with a fast
 * path for the common text that needs none of its escapes (this runs for
 * every keyword of every schema).
 */
export function jsLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  return NEEDS_ESCAPES.test(json) ? safeLiteral(value) : json;
}

/** `~` → `~0`, `/` → `~1` (RFC 6901), as in Ajv's instancePath. */
export function escapeJsonPointer(text: string): string {
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A schemaPath segment as Ajv writes it: JSON Pointer escaped, then URI-encoded. */
export function escapeFragment(text: string): string {
  return encodeURIComponent(escapeJsonPointer(text));
}

/** A number as Ajv prints it in messages and params (`JSON.stringify`: -0 prints as 0). */
export function numberLiteral(value: number): string {
  return JSON.stringify(value);
}

/** Member access `data.name` for identifiers, `data["na me"]` otherwise. */
export function member(data: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${data}.${name}` : `${data}[${jsLiteral(name)}]`;
}
