/**
 * Spelling JSON values and property names as TypeScript source text, exactly
 * as prettier (singleQuote) would leave them, and safe for any manifest string:
 * a hostile string can neither end a literal or comment early nor smuggle raw
 * line separators or `</script>` into the generated code.
 */
import { commentText, stringLiteral } from '../../shared/safe-code.js';

export { stringLiteral };

/** Plain ASCII identifier names: printed bare as property keys. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether text is only printable ASCII (the only text the layout engine measures). */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** A number literal as prettier prints it (`1e21`, not `1e+21`). */
export function numberLiteral(value: number): string {
  return String(value).replace('e+', 'e');
}

/** A literal type for a JSON scalar, or undefined for objects and arrays (no literal type). */
export function literalType(value: unknown): string | undefined {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return undefined;
}

/** A property name: bare when it is an identifier name, else a string literal. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/**
 * JSDoc lines (without indentation) for a description, or none. Lines are
 * trimmed at the end, as prettier does with JSDoc-style comments.
 */
export function jsDocLines(text: unknown): string[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const lines = commentText(text.trim()).split('\n');
  return ['/**', ...lines.map((l) => ` * ${l}`.trimEnd()), ' */'];
}
