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

  it('leaves the input untouched and shares subtrees without defaults', () => {
    const before = JSON.stringify(schema);
    const out = withoutDefaults(schema) as { properties: Record<string, unknown>; anyOf: unknown[] };
    expect(JSON.stringify(schema)).toBe(before);
    // No default below them: the very same objects, not copies.
    expect(out.properties.default).toBe((schema.properties as Record<string, unknown>).default);
    const plain = { type: 'object', properties: { a: { type: 'string' } }, items: [{ type: 'number' }] };
    expect(withoutDefaults(plain)).toBe(plain);
    expect(withDefaultsRequired(plain)).toBe(plain);
  });

  it('keeps a property named __proto__ as an own property when a default below it is dropped', () => {
    const hostile = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"object","properties":{"x":{"type":"string","default":"d"}}}}}') as Record<string, unknown>;
    const out = withoutDefaults(hostile) as { properties: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.properties)).toBe(Object.prototype);
    expect(Object.hasOwn(out.properties, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe('{"type":"object","properties":{"__proto__":{"type":"object","properties":{"x":{"type":"string"}}}}}');
  });
});
