/**
 * The quick check in front of Ajv (lint/checks/quick-validate.ts) must never
 * accept what Ajv rejects: differential tests on seeded random tool schemas
 * (against both meta-schemas, with Ajv configured as lint configures it) and
 * on random mutations of manifest objects (against every revision's official
 * definitions). They also check that it does accept most valid input, or it
 * would buy nothing. The compiled checks give exactly the verdicts of the
 * keyword-by-keyword interpreter they replaced (test/lint/oracles). Plus work
 * counts: linting more tools creates no more Ajv instances and compiles no
 * more schemas.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ajvWork, definitionValidator, metaSchemaAjv } from '../../generator/lint/checks/ajv-loader.js';
import { metaSchemaQuickValid, quickDefinitionValid, quickMetaValid } from '../../generator/lint/checks/quick-checks.js';
import { surelyValidSchema } from '../../generator/lint/checks/meta-schema-fast-path.js';
import { QuickValidator, quickValidateWork } from '../../generator/lint/checks/quick-validate.js';
import { interpretedDefinitionValid, interpretedMetaValid, QuickValidator as InterpretedValidator } from './oracles/quick-validate-interpreted.js';
import { benchManifest } from '../../bench/lint-bench.js';
import { randomSchemas } from '../helpers/random-schemas.js';
import { createRequire } from 'node:module';
import { lint } from '../../generator/lint/lint.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { listRevisions } from '../../generator/spec/revisions.js';

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor(s / 65536) % n);
}

/** Keyword → values of the right shape and subtly wrong ones (by dialect where they differ). */
function keywordValues(rand: (n: number) => number, sub: () => unknown, dialect: string): Record<string, () => unknown[]> {
  const values: Record<string, unknown[] | (() => unknown[])> = {
    type: ['string', 'object', ['string', 'null'], 'strin', [], ['string', 'string'], 3, 'integer'],
    properties: () => [{ a: sub(), 'b c': sub() }, {}, 'x', { a: 3 }],
    required: [['a'], [], ['a', 'a'], ['a', 1], 'a'],
    enum: [['a', 1, null], [], 'a', [{ x: 1 }]],
    const: [1, 'x', null, { a: [1] }],
    minimum: [0, -1.5, '1'],
    exclusiveMaximum: [10, true],
    maxLength: [3, 0, -1, 1.5, '2'],
    minItems: [1, -2],
    pattern: ['^[a-z]+$', '(', '\\p{L}+', '[', 'a\\Z', '\\d{2,}'],
    format: ['date-time', 'uri', 3, 'no-such-format'],
    items: () => [sub(), [sub(), sub()], true, 'x'],
    prefixItems: () => [[sub()], sub()],
    additionalProperties: () => [false, sub(), 'no', null],
    patternProperties: () => [{ '^x-': sub() }, { '(': sub() }, []],
    propertyNames: [{ pattern: '^[a-z]+$' }, 5],
    $ref: ['#/$defs/A', '#/definitions/A', 'other.json#/a', '#foo', 'a b', 'http://[bad', 3],
    $id: ['https://example.com/s', 'x', '#frag', 7],
    $anchor: ['ok', '1bad', 5],
    $schema: ['https://json-schema.org/draft/2020-12/schema', 'not a uri', 3],
    $defs: () => [{ A: sub() }, { A: 3 }, []],
    definitions: () => [{ A: sub() }, { A: 'x' }],
    anyOf: () => [[sub(), sub()], [], sub()],
    allOf: () => [[sub()], [1]],
    oneOf: () => [[sub(), sub()], []],
    not: () => [sub(), 'x'],
    if: () => [sub()],
    contains: () => [sub()],
    multipleOf: [2, 0, -1],
    uniqueItems: [true, 'true'],
    description: ['d', 5],
    default: [0, 'x', {}],
    examples: [[1], 'x'],
    deprecated: [false, 'yes'],
    $comment: ['c', 1],
    dependentRequired: [{ a: ['b'] }, { a: [1] }],
    contentEncoding: ['base64', 4],
    minProperties: [1, -1],
    'x-mcp-header': ['Name', 5],
    unevaluatedProperties: [false, 'x'],
    $dynamicRef: ['#meta', 5],
    ...(dialect === 'draft-07' ? { dependencies: [{ a: ['b'] }, { a: 5 }], additionalItems: [false, 'x'] } : {}),
    constructor: [1],
    extra: [rand(2) ? 'x' : { type: 'strin' }],
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'function' ? v : () => v]));
}

function randomSchema(rand: (n: number) => number, dialect: string, depth = 0): unknown {
  if (depth > 3 || rand(6) === 0) return [true, false, {}, { type: 'string' }][rand(4)];
  const sub = () => randomSchema(rand, dialect, depth + 1);
  const values = keywordValues(rand, sub, dialect);
  const names = Object.keys(values);
  const schema: Record<string, unknown> = {};
  // Mostly well-formed keywords, so that both outcomes are common.
  for (let i = rand(5); i >= 0; i--) {
    const name = names[rand(names.length)]!;
    const options = values[name]!();
    schema[name] = rand(3) === 0 ? options[rand(options.length)] : options[0];
  }
  return schema;
}

describe('quick meta-schema check', () => {
  for (const dialect of ['2020-12', 'draft-07'] as const) {
    it(`never accepts a schema that Ajv's ${dialect} validateSchema rejects`, () => {
      const ajv = metaSchemaAjv(dialect, false);
      let ajvValid = 0;
      let quickValid = 0;
      let fastValid = 0;
      for (let seed = 1; seed <= 3000; seed++) {
        const schema = randomSchema(rng(seed), dialect);
        // As lint does: the root $schema picks the dialect and is not checked as data.
        if (typeof schema === 'object' && schema !== null) delete (schema as Record<string, unknown>).$schema;
        const quick = quickMetaValid(dialect, schema);
        const fast = surelyValidSchema(dialect, schema);
        const sure = ajv.validateSchema(schema as object) as boolean;
        if (quick) expect(sure, JSON.stringify(schema)).toBe(true);
        if (fast) expect(sure, `hand-written shapes: ${JSON.stringify(schema)}`).toBe(true);
        expect(metaSchemaQuickValid(dialect, schema), `same verdict as the interpreter: ${JSON.stringify(schema)}`).toBe(interpretedMetaValid(dialect, schema));
        if (sure) ajvValid++;
        if (quick) quickValid++;
        if (fast) fastValid++;
      }
      expect(ajvValid).toBeGreaterThan(300);
      expect(quickValid).toBeGreaterThan(ajvValid * 0.4);
      // The hand-written shapes answer for most schemas by themselves, or they would buy nothing.
      expect(fastValid).toBeGreaterThan(ajvValid * 0.4);
    });
  }

  it('hand-written shapes: never sure of what Ajv rejects, on edge cases of each keyword shape', () => {
    const cases: Record<string, unknown>[] = [
      { enum: ['a', 'a'] }, { enum: [0, -0] }, { enum: [] }, { enum: [{ a: 1 }, { a: 1 }] },
      { $vocabulary: { 'https://example.com/v': true } }, { $vocabulary: { x: 1 } },
      { dependencies: { a: ['b', 'b'] } }, { dependencies: { a: ['b'], c: { type: 'strin' } } }, { dependencies: { a: 3 } },
      { dependentRequired: { a: ['b', 'b'] } }, { dependentRequired: { a: [1] } }, { dependentSchemas: { a: { type: 'object' } } },
      { patternProperties: { 'a\\Z': {} } }, { patternProperties: { '(': {} } }, { patternProperties: { '^x-': { type: 'string' } } },
      { $id: 'x#frag' }, { $id: 'https://example.com/s#' }, { $id: 'a b' },
      { $anchor: 'ok' }, { $anchor: '1bad' }, { $dynamicAnchor: 'meta' }, { $dynamicRef: '#meta' },
      { items: [] }, { items: [{}] }, { items: [{ type: 'strin' }] }, { prefixItems: [] }, { prefixItems: [{}] },
      { writeOnly: 'x' }, { readOnly: 'x' }, { deprecated: 1 }, { contentSchema: 3 }, { contentSchema: {} },
      { minContains: -1 }, { maxContains: 1.5 }, { maxProperties: 2 }, { multipleOf: 0 }, { multipleOf: 0.5 },
      { type: ['string', 'string'] }, { type: [] }, { type: ['integer', 'null'] }, { type: 'any' },
      { $recursiveRef: '#' }, { $recursiveAnchor: true }, { definitions: { a: 3 } }, { $defs: { a: true } },
      { additionalItems: 'x' }, { additionalItems: false }, { unevaluatedItems: 1 }, { format: 3 }, { examples: {} },
      { $schema: 'not a uri' }, { $ref: 'http://[bad' }, { pattern: 'a\\Z' }, { pattern: '\\p{L}' }, { required: [] },
      { properties: { a: { properties: { b: { items: { anyOf: [{ type: 'strin' }] } } } } } },
    ];
    for (const dialect of ['2020-12', 'draft-07'] as const) {
      const ajv = metaSchemaAjv(dialect, false);
      let fastValid = 0;
      for (const schema of cases) {
        if (!surelyValidSchema(dialect, schema)) continue;
        fastValid++;
        expect(ajv.validateSchema(schema), `${dialect}: ${JSON.stringify(schema)}`).toBe(true);
      }
      expect(fastValid).toBeGreaterThan(10);
    }
  });

  it('accepts the realistic tool schemas of the lint bench, in both dialects', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9-]{8,64}$', 'x-mcp-header': 'Record-Id' },
        since: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string', maxLength: 40 }, uniqueItems: true },
        owner: { $ref: '#/$defs/Principal' },
      },
      required: ['id'],
      additionalProperties: false,
      $defs: { Principal: { type: 'object', properties: { kind: { enum: ['user', 'group'] } } } },
    };
    expect(quickMetaValid('2020-12', schema)).toBe(true);
    expect(quickMetaValid('draft-07', schema)).toBe(true);
    expect(quickMetaValid('2020-12', { ...schema, required: 'id' })).toBe(false);
  });
});

/** A valid object per definition, and mutations that may or may not break it. */
const BASES: Record<string, Record<string, unknown>> = {
  Tool: {
    name: 'get_weather',
    title: 'Weather',
    description: 'Gets the weather.',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    outputSchema: { type: 'object', properties: { t: { type: 'number' } } },
    annotations: { readOnlyHint: true, title: 'W' },
    icons: [{ src: 'https://example.com/i.png', mimeType: 'image/png', sizes: ['48x48'] }],
    _meta: { 'example.com/k': 1 },
  },
  Implementation: { name: 's', version: '1.0.0', title: 'S', websiteUrl: 'https://example.com' },
  Resource: { uri: 'file:///a.txt', name: 'a', mimeType: 'text/plain', size: 12, annotations: { audience: ['user'], priority: 0.5 } },
  ResourceTemplate: { uriTemplate: 'file:///{path}', name: 't', description: 'd' },
  Prompt: { name: 'p', description: 'd', arguments: [{ name: 'a', required: true }] },
};

const MUTATIONS: unknown[] = [undefined, 3, 'x', null, true, [], {}, ['x'], { type: 'string' }, 'not a uri', -1, 1.5, 'constructor', ''];

function mutate(value: unknown, rand: (n: number) => number, depth = 0): unknown {
  if (depth > 3 || value === null || typeof value !== 'object') return MUTATIONS[rand(MUTATIONS.length)];
  if (Array.isArray(value)) return value.map((v) => (rand(3) === 0 ? mutate(v, rand, depth + 1) : v));
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(out);
  const key = rand(4) === 0 ? ['extra', 'toString', '__proto__', 'constructor'][rand(4)]! : keys[rand(keys.length)]!;
  const next = mutate(out[key], rand, depth + 1);
  if (next === undefined) delete out[key];
  else Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  return out;
}

describe('quick definition check', () => {
  const specs = listRevisions().flatMap((r) => {
    try {
      return [loadSpec(r.id, { allowUnpinned: true })];
    } catch {
      return [];
    }
  });

  it('finds the official schemas', () => {
    expect(specs.length).toBeGreaterThanOrEqual(4);
  });

  it("never accepts an object that Ajv rejects against the revision's definition", () => {
    let sureValid = 0;
    let quickValid = 0;
    for (const spec of specs) {
      for (const [definition, base] of Object.entries(BASES)) {
        const validate = definitionValidator(spec, definition);
        if (!validate) continue;
        for (let seed = 0; seed <= 150; seed++) {
          const rand = rng(seed + 1);
          let value: unknown = base;
          for (let n = seed === 0 ? 0 : 1 + rand(2); n > 0; n--) value = mutate(value, rand);
          const quick = quickDefinitionValid(spec.schema as Record<string, unknown>, spec.revision.definitionsKey, definition, value);
          const sure = validate(value) as boolean;
          if (quick) expect(sure, `${spec.revision.id} ${definition} ${JSON.stringify(value)}`).toBe(true);
          const interpreted = interpretedDefinitionValid(spec.schema as Record<string, unknown>, spec.revision.definitionsKey, definition, value);
          expect(quick, `same verdict as the interpreter: ${spec.revision.id} ${definition} ${JSON.stringify(value)}`).toBe(interpreted);
          if (seed === 0) expect(quick, `${spec.revision.id} ${definition} base`).toBe(sure);
          if (sure) sureValid++;
          if (quick) quickValid++;
        }
      }
    }
    expect(sureValid).toBeGreaterThan(200);
    expect(quickValid).toBeGreaterThan(sureValid * 0.5);
  });
});

describe('compiled checks', () => {
  it('give the interpreter\'s verdicts and Ajv\'s acceptance on the emitter\'s random schemas and the bench tools', () => {
    // Through JSON, as lint sees them: the emitter's generator defines some keys as non-enumerable
    // properties, which no parsed manifest holds (and which Ajv and the quick check read differently).
    const random = JSON.parse(JSON.stringify(randomSchemas(300, 7))) as unknown[];
    const schemas = [...random, ...(benchManifest(3).tools as Record<string, unknown>[]).flatMap((t) => [t.inputSchema, t.outputSchema])];
    for (const dialect of ['2020-12', 'draft-07'] as const) {
      const ajv = metaSchemaAjv(dialect, false);
      let quickValid = 0;
      for (const schema of schemas) {
        const { $schema: _ignored, ...body } = schema as Record<string, unknown>;
        const quick = quickMetaValid(dialect, body);
        const interpreted = interpretedMetaValid(dialect, body);
        expect(metaSchemaQuickValid(dialect, body), JSON.stringify(body)).toBe(interpreted);
        // The hand-written shapes in front accept at least what the interpreted meta-schema accepts on these.
        if (interpreted) expect(quick, JSON.stringify(body)).toBe(true);
        if (quick) {
          quickValid++;
          expect(ajv.validateSchema(body), JSON.stringify(body)).toBe(true);
        }
      }
      expect(quickValid).toBeGreaterThan(schemas.length / 2);
      // Every bench tool schema is answered by the shapes alone.
      for (const tool of benchManifest(3).tools as Record<string, unknown>[]) {
        for (const schema of [tool.inputSchema, tool.outputSchema]) expect(surelyValidSchema(dialect, schema), JSON.stringify(schema)).toBe(true);
      }
    }
  });

  it('compile each schema once: checking more values compiles nothing more', () => {
    const require = createRequire(import.meta.url);
    const root = require('ajv/dist/refs/json-schema-draft-07.json') as Record<string, unknown>;
    const uri = String(root.$id).replace(/#$/, '');
    const validator = new QuickValidator({ [uri]: root });
    const tools = benchManifest(40).tools as Record<string, unknown>[];
    const before = quickValidateWork.schemasCompiled;
    expect(validator.valid(root, uri, tools[0]!.inputSchema)).toBe(true);
    const first = quickValidateWork.schemasCompiled - before;
    expect(first).toBeGreaterThan(0);
    for (const tool of tools) expect(validator.valid(root, uri, tool.inputSchema)).toBe(true);
    expect(quickValidateWork.schemasCompiled - before).toBe(first);
    // A recursive schema ($ref to the root) compiles once and checks values of any depth.
    const list = { type: 'object', properties: { next: { $ref: '#' }, n: { type: 'integer' } } };
    const v2 = new QuickValidator({ 'mcp:/list': list });
    let deep: Record<string, unknown> = { n: 1 };
    for (let i = 0; i < 100; i++) deep = { n: i, next: deep };
    const start = quickValidateWork.schemasCompiled;
    expect(v2.valid(list, 'mcp:/list', deep)).toBe(true);
    expect(quickValidateWork.schemasCompiled - start).toBe(3);
    expect(v2.valid(list, 'mcp:/list', { next: { n: 1.5 } })).toBe(false);
    expect(quickValidateWork.schemasCompiled - start).toBe(3);
    // The depth bound ("not sure" past 512 nested schema checks) falls where the interpreter put it.
    const oracle = new InterpretedValidator({ 'mcp:/list': list });
    const verdicts: boolean[] = [];
    for (let n = 250; n <= 260; n++) {
      let value: Record<string, unknown> = { n: 0 };
      for (let i = 0; i < n; i++) value = { next: value };
      verdicts.push(v2.valid(list, 'mcp:/list', value));
      expect(verdicts.at(-1), `${n} levels`).toBe(oracle.valid(list, 'mcp:/list', value));
    }
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('lint work does not grow with the number of tools', () => {
  function manifest(tools: number, broken: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'mcpgen-quick-'));
    const file = join(dir, 'mcp.json');
    const list = Array.from({ length: tools }, (_, i) => ({
      name: `tool_${i}`,
      description: 'd',
      inputSchema: { type: 'object', properties: { a: { type: broken ? 'strin' : 'string', format: 'uri' } }, additionalProperties: false },
      annotations: { readOnlyHint: broken ? 'yes' : true },
    }));
    writeFileSync(file, JSON.stringify({ revision: '2025-11-25', server: { name: 's', version: '1' }, tools: list }));
    return file;
  }

  it('creates no Ajv instance for valid manifests, and a constant number for invalid ones', () => {
    const before = ajvWork.instances;
    expect(lint({ manifests: [manifest(5, false)] }).diagnostics).toEqual([]);
    expect(lint({ manifests: [manifest(200, false)] }).diagnostics).toEqual([]);
    expect(ajvWork.instances).toBe(before);

    const small = lint({ manifests: [manifest(5, true)] }).diagnostics.length;
    const afterSmall = ajvWork.instances;
    const large = lint({ manifests: [manifest(200, true)] }).diagnostics.length;
    expect(large).toBe((small / 5) * 200);
    // The meta-schema and spec instances are created once and reused, however many tools.
    expect(ajvWork.instances).toBe(afterSmall);
    expect(afterSmall - before).toBeLessThanOrEqual(3);
  });
});
