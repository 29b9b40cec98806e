/**
 * Example arguments for a tool: the input schema's own `examples[0]` when the
 * manifest gives one, else a value built from the schema (defaults, enums,
 * formats, required properties only), so the example always validates in the
 * common cases and is the same on every run.
 */
import { isJsonObject, type SchemaObject } from '../../json-schema/subschemas.js';
import { deref } from './schema-rows.js';

const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2025-01-31',
  'date-time': '2025-01-31T12:00:00Z',
  time: '12:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'example.com',
};

export function exampleArguments(inputSchema: SchemaObject): unknown {
  const examples = inputSchema.examples;
  if (Array.isArray(examples) && isJsonObject(examples[0])) return examples[0];
  const value = exampleValue(inputSchema, inputSchema, 0);
  return isJsonObject(value) ? value : {};
}

function exampleValue(raw: unknown, root: SchemaObject, depth: number): unknown {
  const schema = deref(raw, root);
  if (depth > 6) return null;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length) return exampleValue(members[0], root, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return typeof schema.format === 'string' && FORMAT_EXAMPLES[schema.format] ? FORMAT_EXAMPLES[schema.format] : 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const item = exampleValue(schema.items, root, depth + 1);
      const min = typeof schema.minItems === 'number' ? Math.max(1, Math.min(schema.minItems, 3)) : 1;
      return Array.from({ length: min }, () => item);
    }
    default: {
      if (!isJsonObject(schema.properties)) return {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      const out: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(schema.properties)) {
        if (required.includes(name)) out[name] = exampleValue(sub, root, depth + 1);
      }
      return out;
    }
  }
}

/** The `tools/call` request as a client sends it. */
export function jsonRpcCall(toolName: string, args: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: toolName, arguments: args } }, null, 2);
}

/** The same call through the typed client (`mcpgen generate --emit client`): one camelCase method per tool. */
export function clientCall(method: string, args: unknown): string {
  return `const result = await client.${method}(${JSON.stringify(args, null, 2)});`;
}
