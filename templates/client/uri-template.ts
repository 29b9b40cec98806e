/**
 * RFC 6570 URI Template expansion, all four levels: every operator
 * (none, +, #, ., /, ;, ?, &), prefixes (`:n`), explode (`*`), lists and
 * associative arrays, with the RFC's percent-encoding (unreserved characters
 * only, or unreserved + reserved + existing pct-encoded triplets for `+` and
 * `#`). Undefined variables, empty lists and empty maps expand to nothing.
 */

/** A variable's value: a string (numbers and booleans are written as text), a list, or an associative array. */
export type UriTemplateValue =
  | string
  | number
  | boolean
  | readonly (string | number | boolean)[]
  | { readonly [key: string]: string | number | boolean };

export type UriTemplateVariables = { readonly [name: string]: UriTemplateValue | undefined };

interface OperatorRule {
  first: string;
  separator: string;
  /** `;`, `?` and `&` write `name=value`. */
  named: boolean;
  /** What a named empty value becomes: `;x` (no `=`) or `?x=`. */
  ifEmpty: string;
  /** `+` and `#` keep reserved characters. */
  allowReserved: boolean;
}

const RULES: Record<string, OperatorRule> = {
  '': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: false },
  '+': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '#': { first: '#', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '.': { first: '.', separator: '.', named: false, ifEmpty: '', allowReserved: false },
  '/': { first: '/', separator: '/', named: false, ifEmpty: '', allowReserved: false },
  ';': { first: ';', separator: ';', named: true, ifEmpty: '', allowReserved: false },
  '?': { first: '?', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
  '&': { first: '&', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
};

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;

/** Percent-encodes UTF-8 bytes of every character not allowed as is. */
function encode(value: string, allowReserved: boolean): string {
  let out = '';
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (UNRESERVED.test(ch)) out += ch;
    else if (allowReserved && RESERVED.test(ch)) out += ch;
    else if (
      allowReserved &&
      ch === '%' &&
      /^[0-9A-Fa-f]{2}$/.test((chars[i + 1] ?? '') + (chars[i + 2] ?? ''))
    )
      out += ch;
    else
      out += encodeURIComponent(ch).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
  }
  return out;
}

/** Thrown for a template that is not valid RFC 6570 (unbalanced braces, bad variable names, prefix on a composite). */
export class UriTemplateError extends Error {
  override name = 'UriTemplateError';
}

interface VarSpec {
  name: string;
  explode: boolean;
  prefix?: number;
}

const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/;

function parseVarSpec(spec: string, template: string): VarSpec {
  const m = /^([^:*]*)(?:(\*)|:([1-9][0-9]{0,3}))?$/.exec(spec);
  if (!m || !VARNAME.test(m[1]!))
    throw new UriTemplateError(
      `Invalid variable "${spec}" in URI template ${JSON.stringify(template)}.`,
    );
  return { name: m[1]!, explode: m[2] === '*', ...(m[3] ? { prefix: Number(m[3]) } : {}) };
}

function scalar(value: string | number | boolean): string {
  return String(value);
}

function expandVar(rule: OperatorRule, spec: VarSpec, value: UriTemplateValue): string | undefined {
  const { name, explode, prefix } = spec;
  const enc = (s: string) => encode(s, rule.allowReserved);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    let text = scalar(value);
    if (prefix !== undefined) text = Array.from(text).slice(0, prefix).join('');
    if (!rule.named) return enc(text);
    return text === '' ? name + rule.ifEmpty : `${name}=${enc(text)}`;
  }
  if (prefix !== undefined)
    throw new UriTemplateError(
      `The prefix modifier (:${prefix}) does not apply to the composite value of "${name}".`,
    );
  const pairs: [string, string][] = Array.isArray(value)
    ? (value as readonly (string | number | boolean)[]).map((v) => ['', scalar(v)])
    : Object.entries(value as { [key: string]: string | number | boolean }).map(([k, v]) => [
        k,
        scalar(v),
      ]);
  if (pairs.length === 0) return undefined;
  const isList = Array.isArray(value);
  if (!explode) {
    const joined = pairs.map(([k, v]) => (isList ? enc(v) : `${enc(k)},${enc(v)}`)).join(',');
    if (!rule.named) return joined;
    return joined === '' ? name + rule.ifEmpty : `${name}=${joined}`;
  }
  return pairs
    .map(([k, v]) => {
      if (isList) {
        if (!rule.named) return enc(v);
        return v === '' ? name + rule.ifEmpty : `${name}=${enc(v)}`;
      }
      if (!rule.named) return `${enc(k)}=${enc(v)}`;
      return v === '' ? enc(k) + rule.ifEmpty : `${enc(k)}=${enc(v)}`;
    })
    .join(rule.separator);
}

/** Expands `template` with `variables` (RFC 6570, level 4). */
export function expandUriTemplate(template: string, variables: UriTemplateVariables): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = template.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open))
      throw new UriTemplateError(`Unmatched "}" in URI template ${JSON.stringify(template)}.`);
    if (open === -1) {
      out += encode(template.slice(i), true);
      break;
    }
    out += encode(template.slice(i, open), true);
    if (close === -1)
      throw new UriTemplateError(`Unclosed "{" in URI template ${JSON.stringify(template)}.`);
    const body = template.slice(open + 1, close);
    if (body.includes('{'))
      throw new UriTemplateError(`Nested "{" in URI template ${JSON.stringify(template)}.`);
    const op = /^[+#./;?&]/.test(body) ? body[0]! : '';
    if (/^[=,!@|]/.test(body))
      throw new UriTemplateError(
        `Reserved operator "${body[0]}" in URI template ${JSON.stringify(template)}.`,
      );
    const rule = RULES[op]!;
    const parts: string[] = [];
    for (const raw of body.slice(op.length).split(',')) {
      const spec = parseVarSpec(raw, template);
      const value = Object.prototype.hasOwnProperty.call(variables, spec.name)
        ? variables[spec.name]
        : undefined;
      if (value === undefined || value === null) continue;
      const expanded = expandVar(rule, spec, value);
      if (expanded !== undefined) parts.push(expanded);
    }
    if (parts.length) out += rule.first + parts.join(rule.separator);
    i = close + 1;
  }
  return out;
}
