/**
 * The RFC 6570 forms a generated server can match (templates/server/uri-template.ts),
 * checked at lint time so that a template is never accepted and then fails to
 * resolve at run time. Syntax is checked first (uri-template-syntax.ts); this
 * only looks at valid templates.
 *
 * Supported: `{x}`, `{x,y}`, `{x:3}`, `{+x}`, `{.x}`, `{/x}`, `{;x}`, the
 * exploded `{x*}`, `{+x*}`, `{.x*}`, `{/x*}`; from the first `?` on, `{?a,b}`,
 * `{&c}`, literal `k=v` pairs and `k={x}`; `{#x}` as the last expression.
 */
import type { TemplateProblem } from './uri-template-syntax.js';

export function checkUriTemplateSupport(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  let inQuery = false;
  let pendingKey = false;
  const parts = [...template.matchAll(/\{([^{}]*)\}|[^{]+/g)];
  parts.forEach((m, index) => {
    const offset = m.index;
    const body = m[1];
    if (body === undefined) {
      let literal = m[0];
      if (!inQuery) {
        const q = literal.indexOf('?');
        if (q < 0) return;
        literal = literal.slice(q + 1);
        inQuery = true;
      }
      if (literal.includes('#') || literal.includes('/')) {
        problems.push({ offset, message: `literal ${JSON.stringify(literal)} after the query starts cannot be matched (only k=v pairs, {?x}, {&x} and a final {#x})` });
      }
      const pairs = literal.split('&');
      pendingKey = /^[^=&]+=$/.test(pairs.at(-1) ?? '');
      return;
    }
    const operator = '+#./;?&'.includes(body.charAt(0)) ? body.charAt(0) : '';
    const vars = body.slice(operator.length).split(',');
    const form = `{${body}}`;
    if (operator === '#') {
      if (index !== parts.length - 1) problems.push({ offset, message: `${form}: a fragment expression must be the last part of the template` });
      else if (vars.length > 1) problems.push({ offset, message: `${form}: a fragment expression takes one variable` });
    } else if (operator === ';' && vars.some((v) => v.endsWith('*'))) {
      problems.push({ offset, message: `${form}: exploded path parameters ({;x*}) cannot be matched` });
    } else if (operator === '?' || operator === '&') {
      if (operator === '&' && !inQuery) problems.push({ offset, message: `${form}: {&x} continues a query, so a "?" or {?x} must come before it` });
      inQuery = true;
      pendingKey = false;
    } else if (inQuery) {
      if (!pendingKey || operator !== '' || vars.length > 1 || vars[0]!.endsWith('*')) {
        problems.push({ offset, message: `${form}: in the query part only {?x}, {&x} and k={x} can be matched` });
      }
      pendingKey = false;
    }
  });
  return problems;
}
