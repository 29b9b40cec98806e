/** Defaults in tool schemas (emit/schema/defaults.ts): present in input types, never added by output validators. */
import { describe, expect, it } from 'vitest';
import { withDefaultsRequired, withoutDefaults } from '../../generator/emit/schema/defaults.js';

describe('schema defaults', () => {
  const schema = {
    type: 'object',
    properties: {
      q: { type: 'string' },
      limit: { type: 'integer', default: 3 },
      default: { type: 'string' },
      nested: { type: 'object', properties: { depth: { type: 'integer', default: 1 } } },
    },
    required: ['q'],
    anyOf: [{ properties: { mode: { type: 'string', default: 'a' } } }],
  };

  it('marks properties with a default as required where Ajv applies it (not inside anyOf)', () => {
    const out = withDefaultsRequired(schema);
    expect(out.required).toEqual(['q', 'limit']);
    expect((out.properties as Record<string, Record<string, unknown>>).nested!.required).toEqual(['depth']);
    expect((out.anyOf as Record<string, unknown>[])[0]!.required).toBeUndefined();
    expect(schema.required).toEqual(['q']);
  });

  it('drops the default keyword but keeps a property named "default"', () => {
    const out = withoutDefaults(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(out.properties.limit).toEqual({ type: 'integer' });
    expect(out.properties.default).toEqual({ type: 'string' });
    expect(out.properties.nested!.properties).toEqual({ depth: { type: 'integer' } });
  });
});
