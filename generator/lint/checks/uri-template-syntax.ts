/**
 * A small RFC 6570 (URI Template) syntax checker: literals, balanced braces,
 * operators `+ # . / ; ? &`, varspecs `name`, `name:maxlen` (1-9999) and
 * `name*`, variable names of ALPHA / DIGIT / `_` / pct-encoded with inner dots.
 * @see https://www.rfc-editor.org/rfc/rfc6570#section-2
 */

export interface TemplateProblem {
  /** 0-based offset of the problem in the template. */
  offset: number;
  message: string;
}

const OPERATORS = '+#./;?&';
const RESERVED_OPERATORS = '=,!@|';
// RFC 6570 literals exclude CTL, SP, DQUOTE, "'", "%" (unless pct-encoded), "<", ">", "\", "^", "`", "{", "|", "}".
// eslint-disable-next-line no-control-regex
const NOT_LITERAL = /[\u0000-\u0020"'<>\\^`|\u007f]/;
const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+(?:\.(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+)*$/;
const PREFIX = /^[1-9][0-9]{0,3}$/;

/** Every syntax problem, in order; an empty list means the template is valid. */
export function checkUriTemplate(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{') {
      const end = template.indexOf('}', i + 1);
      const nextOpen = template.indexOf('{', i + 1);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
        problems.push({ offset: i, message: 'unclosed "{"' });
        i = nextOpen >= 0 ? nextOpen : template.length;
        continue;
      }
      problems.push(...checkExpression(template.slice(i + 1, end), i + 1));
      i = end + 1;
    } else if (c === '}') {
      problems.push({ offset: i, message: '"}" without a matching "{"' });
      i++;
    } else if (c === '%') {
      if (!/^%[0-9A-Fa-f]{2}/.test(template.slice(i, i + 3))) problems.push({ offset: i, message: '"%" not followed by two hex digits' });
      i++;
    } else {
      if (NOT_LITERAL.test(c)) problems.push({ offset: i, message: `character ${JSON.stringify(c)} is not allowed outside an expression` });
      i++;
    }
  }
  return problems;
}

function checkExpression(body: string, offset: number): TemplateProblem[] {
  if (body === '') return [{ offset: offset - 1, message: 'empty expression "{}"' }];
  let list = body;
  let at = offset;
  if (OPERATORS.includes(body[0]!)) {
    list = body.slice(1);
    at++;
  } else if (RESERVED_OPERATORS.includes(body[0]!)) {
    return [{ offset, message: `operator "${body[0]}" is reserved for future extensions` }];
  }
  const problems: TemplateProblem[] = [];
  for (const spec of list.split(',')) {
    const match = /^([^:*]*)(?::(.*)|(\*))?$/.exec(spec);
    const name = match?.[1] ?? spec;
    if (!VARNAME.test(name)) {
      problems.push({ offset: at, message: name === '' ? 'missing variable name' : `invalid variable name ${JSON.stringify(name)}` });
    } else if (match?.[2] !== undefined && !PREFIX.test(match[2])) {
      problems.push({ offset: at, message: `prefix length ":${match[2]}" must be 1 to 9999` });
    } else if (!match) {
      problems.push({ offset: at, message: `invalid variable ${JSON.stringify(spec)}` });
    }
    at += spec.length + 1;
  }
  return problems;
}
