/**
 * The few runtime helpers Ajv's standalone code calls, as JavaScript source to
 * inline into validators.js. Ajv's output `require()`s them from `ajv` and
 * `ajv-formats`; inlining instead makes validators.js a self-contained ES
 * module: consumers need neither package installed, and it loads anywhere
 * Node 20 (or a bundler) can import a file.
 *
 * Sources: `ucs2length` from ajv (MIT), `equal` from fast-deep-equal (MIT),
 * the `uri` and `byte` formats from ajv-formats 3.0.1 "full" mode (MIT),
 * the same definitions mcpgen compiles the schema with.
 */

export interface RuntimeHelper {
  /** The expression Ajv emits to reach the helper. */
  code: string;
  /** Identifier the inlined helper is bound to. */
  name: string;
  /** JavaScript declaring `name`. */
  source: string;
}

const URI_RE = String.raw`/^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i`;

export const RUNTIME_HELPERS: readonly RuntimeHelper[] = [
  {
    code: 'require("ajv/dist/runtime/ucs2length").default',
    name: 'mcpgenUcs2length',
    source: `function mcpgenUcs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`,
  },
  {
    code: 'require("ajv/dist/runtime/equal").default',
    name: 'mcpgenEqual',
    source: `function mcpgenEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;
    let length, i;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0; ) if (!mcpgenEqual(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;
    for (i = length; i-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
    for (i = length; i-- !== 0; ) if (!mcpgenEqual(a[keys[i]], b[keys[i]])) return false;
    return true;
  }
  return a !== a && b !== b;
}`,
  },
  {
    code: 'require("ajv-formats/dist/formats").fullFormats.uri',
    name: 'mcpgenFormatUri',
    source: `const mcpgenUriRe = ${URI_RE};
function mcpgenFormatUri(str) {
  return /\\/|:/.test(str) && mcpgenUriRe.test(str);
}`,
  },
  {
    code: 'require("ajv-formats/dist/formats").fullFormats.byte',
    name: 'mcpgenFormatByte',
    source: `function mcpgenFormatByte(str) {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/m.test(str);
}`,
  },
];
