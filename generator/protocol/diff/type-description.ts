/**
 * A normalized, comparable description of a schema's type, e.g. `string`,
 * `Tool`, `array<Icon>`, `const "2.0"`, `anyOf(A | B)`. Annotations
 * (descriptions, titles) and member order of unions and enums are ignored, so
 * two revisions that only reworded or reordered compare equal.
 */
import { isJsonObject, refName } from '../schema-walk.js';

export function describeType(schema: unknown): string {
  if (schema === true || schema === undefined) return 'any';
  if (schema === false) return 'never';
  if (!isJsonObject(schema)) return 'any';
  const ref = refName(schema.$ref);
  if (ref) return ref;
  if ('const' in schema) return `const ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum)) return `enum(${schema.enum.map((v) => JSON.stringify(v)).sort().join(' | ')})`;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) return `${key}(${members.map(describeType).sort().join(key === 'allOf' ? ' & ' : ' | ')})`;
  }
  const types = Array.isArray(schema.type) ? [...(schema.type as string[])].sort() : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return isJsonObject(schema.properties) ? 'object' : 'any';
  return types
    .map((t) => {
      if (t === 'array') return `array<${describeType(schema.items)}>`;
      if (t === 'object' && isJsonObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length && !schema.properties) {
        return `map<${describeType(schema.additionalProperties)}>`;
      }
      return t;
    })
    .join(' | ');
}
