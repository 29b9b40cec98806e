/**
 * Embedding manifest strings in generated source code. Every string that comes
 * from a manifest is untrusted: it may hold quotes, backticks, `${`, line
 * separators (U+2028/U+2029 end a `//` comment and, before ES2019, a string),
 * `</script>` or `*\/`. These helpers are the only way the server emitter puts
 * such text into code.
 */

/**
 * A JavaScript expression for any JSON value: `JSON.stringify`, plus escapes
 * for U+2028/U+2029 (line terminators inside `//` comments and older parsers)
 * and `</` (so the code can be inlined in an HTML `<script>`).
 */
export function jsLiteral(value: unknown, indent?: number): string {
  let text = JSON.stringify(value, null, indent);
  // Each pass only where it can match: a replace scans the whole text even when nothing matches (10 ms on the 2 MB tool table of a 1,000-tool server).
  if (/[\u2028\u2029]/.test(text)) text = text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (text.includes('</')) text = text.replace(/<\//g, '<\\/');
  // In an object literal, a `"__proto__":` key sets the prototype instead of
  // a property; a computed key keeps it data. (Inside JSON strings quotes are
  // escaped, so `{"` or `,"` only ever starts a key.)
  if (text.includes('"__proto__"')) text = text.replace(/([{,]\s*)"__proto__":/g, '$1["__proto__"]:');
  return text;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\v':
      return '\\v';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/**
 * A string literal. Prettier keeps single quotes unless the text holds more
 * single than double quotes; it keeps every escape but the needless ones of
 * the other quote, so only the enclosing quote is escaped here. Control
 * characters, U+2028/U+2029, lone surrogates and `</` are escaped.
 */
export function stringLiteral(value: string): string {
  let singles = 0;
  let doubles = 0;
  for (const ch of value) {
    if (ch === "'") singles++;
    else if (ch === '"') doubles++;
  }
  const quote = singles > doubles ? '"' : "'";
  const body = value
    .replace(/[\\\x00-\x1f\x7f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeChar)
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`)
    .replace(/<\//g, '<\\/');
  return `${quote}${body}${quote}`;
}

/**
 * Text safe inside a block comment (`/* ... *\/` or JSDoc): `*\/` cannot end
 * the comment early, and line separators become plain line breaks so a
 * generated `//` never meets them. Long text is kept on one logical line per
 * source line, each prefixed with ` * ` by {@link jsDoc}.
 */
export function commentText(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/<\//g, '<\\/')
    .replace(/[\u2028\u2029\r]/g, '\n');
}

/** A JSDoc block from free text (or nothing for empty text). */
export function jsDoc(text: string | undefined, indent = ''): string {
  if (!text || !text.trim()) return '';
  const lines = commentText(text.trim()).split('\n');
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/**
 * For code produced by third-party generators (json-schema-to-typescript,
 * Ajv standalone) that embed schema strings themselves: raw U+2028/U+2029
 * become escapes and `</` becomes `<\/`. Both only occur inside string
 * literals and comments in such output, where the escaped forms mean the same.
 */
export function escapeGeneratedSource(code: string): string {
  return code.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/<\//g, '<\\/');
}
