/**
 * RFC 6570 matching for resource templates: the reverse of expansion, for
 * every form `mcpgen lint` accepts. The SDK's own matcher (2.4.0) requires
 * every `{?a,b}` variable to be present and in order, cuts `{/x*}` at the
 * first segment and hands values over still percent-encoded; this one
 * matches the URIs clients actually send:
 *
 * - path part: `{x}`, `{x,y}`, `{x:3}`, `{+x}`, `{.x}`, `{/x}`, `{;x}`, and
 *   exploded lists `{x*}`, `{+x*}`, `{.x*}`, `{/x*}`;
 * - query part (from the first `?`): `{?a,b}` and `{&c}` with any subset
 *   absent and in any order, literal pairs `k=v`, and `k={x}`;
 * - `{#x}` as the last expression.
 *
 * Values reach handlers percent-decoded: a string, or a string[] for an
 * exploded variable (empty when absent). Absent optional variables are
 * simply missing from the result.
 */
import { UriTemplate, type Variables } from '@modelcontextprotocol/server';

interface Expression {
  operator: '' | '+' | '#' | '.' | '/' | ';' | '?' | '&';
  vars: { name: string; explode: boolean; prefix?: number }[];
}

type Part = string | Expression;

function parse(template: string): Part[] {
  const parts: Part[] = [];
  for (const m of template.matchAll(/\{([^{}]*)\}|[^{]+/g)) {
    if (m[1] === undefined) {
      parts.push(m[0]);
      continue;
    }
    const body = m[1];
    const operator = (
      '+#./;?&'.includes(body.charAt(0)) && body !== '' ? body.charAt(0) : ''
    ) as Expression['operator'];
    const vars = body
      .slice(operator.length)
      .split(',')
      .map((spec) => {
        const explode = spec.endsWith('*');
        const [name = '', prefix] = (explode ? spec.slice(0, -1) : spec).split(':');
        return { name, explode, ...(prefix !== undefined ? { prefix: Number(prefix) } : {}) };
      });
    parts.push({ operator, vars });
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(value: string): string {
  return decodeURIComponent(value);
}

/** A matcher for one template: the URI's variables, or null when it does not match. */
export class Rfc6570Template extends UriTemplate {
  private readonly pathRegExp: RegExp;
  private readonly pathVars: { name: string; explode: boolean; separator: string }[] = [];
  private queryVars: { key: string; name: string; explode: boolean; required: boolean }[] = [];
  private readonly queryLiterals: [string, string][] = [];
  private readonly fragment: { name: string; explode: boolean } | undefined;

  constructor(template: string) {
    super(template);
    const parts = parse(template);
    let pattern = '^';
    let inQuery = false;
    let fragment: { name: string; explode: boolean } | undefined;
    for (const part of parts) {
      if (typeof part === 'string') {
        let literal = part;
        if (!inQuery && literal.includes('?')) {
          pattern += escapeRegExp(literal.slice(0, literal.indexOf('?')));
          literal = literal.slice(literal.indexOf('?') + 1);
          inQuery = true;
        }
        if (!inQuery) {
          pattern += escapeRegExp(literal);
          continue;
        }
        // Literal query text: `k=v` pairs, or `k=` before a `{x}` expression.
        for (const pair of literal.split('&')) {
          if (pair === '') continue;
          const eq = pair.indexOf('=');
          const key = eq < 0 ? pair : pair.slice(0, eq);
          const value = eq < 0 ? '' : pair.slice(eq + 1);
          if (eq >= 0 && value === '' && pair === literal.split('&').at(-1))
            this.queryVars.push({ key, name: '', explode: false, required: true });
          else this.queryLiterals.push([decode(key), decode(value)]);
        }
        continue;
      }
      if (part.operator === '#') {
        fragment = {
          name: part.vars[0]?.name ?? '',
          explode: part.vars.length > 1 || (part.vars[0]?.explode ?? false),
        };
        continue;
      }
      if (part.operator === '?' || part.operator === '&') {
        inQuery = true;
        for (const v of part.vars)
          this.queryVars.push({ key: v.name, name: v.name, explode: v.explode, required: false });
        continue;
      }
      if (inQuery) {
        // `k={x}`: the pending pair takes this variable.
        const pending = this.queryVars.at(-1);
        if (pending && pending.name === '' && part.vars[0]) pending.name = part.vars[0].name;
        continue;
      }
      pattern += this.expressionPattern(part);
    }
    // A trailing `k=` that no expression followed is the literal pair `k=`.
    for (const v of this.queryVars.filter((v) => v.name === ''))
      this.queryLiterals.push([decode(v.key), '']);
    this.queryVars = this.queryVars.filter((v) => v.name !== '');
    this.pathRegExp = new RegExp(pattern + '$');
    this.fragment = fragment;
  }

  private expressionPattern(e: Expression): string {
    const chars =
      e.operator === '+'
        ? '[^?#]'
        : e.operator === '.'
          ? '[^/?#.]'
          : e.operator === ';'
            ? '[^/?#;]'
            : '[^/?#,]';
    const out: string[] = [];
    for (const v of e.vars) {
      const value = v.prefix !== undefined ? `${chars}{0,${v.prefix}}` : `${chars}*`;
      if (e.operator === '' || e.operator === '+') {
        this.pathVars.push({ name: v.name, explode: v.explode, separator: ',' });
        out.push(v.explode ? `(${e.operator === '+' ? '[^?#]' : '[^/?#]'}*)` : `(${value})`);
      } else if (e.operator === '.' || e.operator === '/') {
        const sep = escapeRegExp(e.operator);
        this.pathVars.push({ name: v.name, explode: v.explode, separator: e.operator });
        out.push(v.explode ? `((?:${sep}${chars}*)*)` : `(?:${sep}(${value}))?`);
      } else {
        this.pathVars.push({ name: v.name, explode: false, separator: ';' });
        out.push(`(?:;${escapeRegExp(v.name)}(?:=(${value}))?)?`);
      }
    }
    return e.operator === '' || e.operator === '+' ? out.join(',') : out.join('');
  }

  override match(uri: string): Variables | null {
    try {
      return this.matchOrThrow(uri);
    } catch {
      return null; // malformed percent-encoding: not this template
    }
  }

  private matchOrThrow(uri: string): Variables | null {
    const hash = uri.indexOf('#');
    const beforeHash = hash < 0 ? uri : uri.slice(0, hash);
    const q = beforeHash.indexOf('?');
    const path = q < 0 ? beforeHash : beforeHash.slice(0, q);
    const m = this.pathRegExp.exec(path);
    if (!m) return null;
    // Entries, then fromEntries: a variable named `__proto__` stays an own key.
    const result: [string, string | string[]][] = [];
    this.pathVars.forEach((v, i) => {
      const raw = m[i + 1];
      if (v.explode) {
        const items =
          raw === undefined || raw === ''
            ? []
            : (v.separator === ',' ? raw : raw.slice(1)).split(v.separator);
        result.push([v.name, items.map(decode)]);
      } else if (raw !== undefined) result.push([v.name, decode(raw)]);
    });
    const pairs: [string, string][] = (q < 0 ? '' : beforeHash.slice(q + 1))
      .split('&')
      .filter((p) => p !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        return eq < 0 ? [decode(p), ''] : [decode(p.slice(0, eq)), decode(p.slice(eq + 1))];
      });
    for (const [key, value] of this.queryLiterals) {
      if (!pairs.some(([k, v]) => k === key && v === value)) return null;
    }
    for (const v of this.queryVars) {
      const values = pairs.filter(([k]) => k === v.key).map(([, value]) => value);
      if (v.explode) result.push([v.name, values]);
      else if (values[0] !== undefined) result.push([v.name, values[0]]);
      else if (v.required) return null;
    }
    if (this.fragment) {
      const raw = hash < 0 ? undefined : uri.slice(hash + 1);
      if (this.fragment.explode)
        result.push([this.fragment.name, raw ? raw.split(',').map(decode) : []]);
      else if (raw !== undefined) result.push([this.fragment.name, decode(raw)]);
    }
    return Object.fromEntries(result);
  }
}
