/**
 * RFC 6570 URI Template variables, as far as the IR needs them: the names of
 * the variables, in order of first appearance. Syntax checking is lint's job.
 */

const EXPRESSION = /\{([^{}]*)\}/g;
const OPERATOR = /^[+#./;?&=,!@|]/;

export function uriTemplateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(EXPRESSION)) {
    const body = match[1]!.replace(OPERATOR, '');
    for (const spec of body.split(',')) {
      const name = spec.replace(/\*$/, '').replace(/:\d+$/, '').trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
