/**
 * The runtime helpers Ajv's standalone code calls, as JavaScript source to
 * inline into validators.js. Ajv's output `require()`s them from `ajv` and
 * `ajv-formats`; inlining our own implementations instead makes validators.js
 * a self-contained ES module that loads anywhere Node 20 (or a bundler) can
 * import a file, with nothing to install.
 *
 * These are mcpgen's own implementations of the behaviour Ajv expects:
 * string length in code points (JSON Schema counts characters, not UTF-16
 * units), deep equality of JSON values (`const`, `enum`, `uniqueItems`), and
 * the `uri` and `byte` formats.
 */

export interface RuntimeHelper {
  /** The expression Ajv emits to reach the helper. */
  code: string;
  /** Identifier the inlined helper is bound to. */
  name: string;
  /** JavaScript declaring `name`. */
  source: string;
}

/**
 * An absolute URI per RFC 3986 section 3 (`scheme ":" hier-part [ "?" query ]
 * [ "#" fragment ]`), composed from the grammar's named parts. IP literals
 * (`[...]`) are checked for their character set, not the full IPv6 grammar.
 */
function rfc3986UriPattern(): RegExp {
  const unreserved = String.raw`a-z0-9\-._~`;
  const subDelims = "!$&'()*+,;=";
  const pctEncoded = '%[0-9a-f]{2}';
  const pchar = `(?:[${unreserved}${subDelims}:@]|${pctEncoded})`;
  const scheme = String.raw`[a-z][a-z0-9+\-.]*`;
  const userinfo = `(?:[${unreserved}${subDelims}:]|${pctEncoded})*`;
  const decOctet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
  const ipv4 = String.raw`${decOctet}(?:\.${decOctet}){3}`;
  const ipLiteral = String.raw`\[(?:[0-9a-f:.]+|v[0-9a-f]+\.[${unreserved}${subDelims}:]+)\]`;
  const regName = `(?:[${unreserved}${subDelims}]|${pctEncoded})*`;
  const authority = String.raw`(?:${userinfo}@)?(?:${ipLiteral}|${ipv4}|${regName})(?::\d*)?`;
  const segment = `${pchar}*`;
  const segmentNonEmpty = `${pchar}+`;
  const hierPart = [
    `//${authority}(?:/${segment})*`,
    `/(?:${segmentNonEmpty}(?:/${segment})*)?`,
    `${segmentNonEmpty}(?:/${segment})*`,
    '',
  ].join('|');
  const queryOrFragment = `(?:[${unreserved}${subDelims}:@/?]|${pctEncoded})*`;
  return new RegExp(String.raw`^${scheme}:(?:${hierPart})(?:\?${queryOrFragment})?(?:#${queryOrFragment})?$`, 'i');
}

/** Base64 (RFC 4648 section 4) with padding: the `byte` format. */
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const RUNTIME_HELPERS: readonly RuntimeHelper[] = [
  {
    code: 'require("ajv/dist/runtime/ucs2length").default',
    name: 'mcpgenCodePointLength',
    source: `function mcpgenCodePointLength(text) {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}`,
  },
  {
    code: 'require("ajv/dist/runtime/equal").default',
    name: 'mcpgenJsonEqual',
    source: `function mcpgenJsonEqual(left, right) {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return left !== left && right !== right; // both NaN
  }
  const isArray = Array.isArray(left);
  if (isArray !== Array.isArray(right)) return false;
  if (isArray) {
    if (left.length !== right.length) return false;
    return left.every((item, index) => mcpgenJsonEqual(item, right[index]));
  }
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && mcpgenJsonEqual(left[key], right[key]));
}`,
  },
  {
    code: 'require("ajv-formats/dist/formats").fullFormats.uri',
    name: 'mcpgenFormatUri',
    source: `const mcpgenUriPattern = ${rfc3986UriPattern().toString()};
function mcpgenFormatUri(text) {
  return mcpgenUriPattern.test(text);
}`,
  },
  {
    code: 'require("ajv-formats/dist/formats").fullFormats.byte',
    name: 'mcpgenFormatByte',
    source: `function mcpgenFormatByte(text) {
  return ${BASE64_PATTERN.toString()}.test(text);
}`,
  },
];
