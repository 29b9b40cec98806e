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

/** How a variable reaches a template handler: required string, optional string, or string[] (exploded). */
export interface TemplateVariableShape {
  name: string;
  /** Exploded (`{x*}`): a string[] (empty when absent). */
  list: boolean;
  /** May be absent from a matching URI: query (`{?x}`, `{&x}`) and prefixed forms (`{#x}`, `{.x}`, `{/x}`, `{;x}`). */
  optional: boolean;
}

/** The shape of each variable, in order of first appearance (a variable used twice takes its first form). */
export function uriTemplateVariableShapes(template: string): TemplateVariableShape[] {
  const shapes: TemplateVariableShape[] = [];
  for (const match of template.matchAll(EXPRESSION)) {
    const operator = OPERATOR.exec(match[1]!)?.[0] ?? '';
    for (const spec of match[1]!.slice(operator.length).split(',')) {
      const name = spec.replace(/\*$/, '').replace(/:\d+$/, '').trim();
      if (!name || shapes.some((s) => s.name === name)) continue;
      shapes.push({ name, list: spec.trim().endsWith('*'), optional: operator !== '' && operator !== '+' });
    }
  }
  return shapes;
}
