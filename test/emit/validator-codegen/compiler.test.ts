/**
 * compileValidators with mcpgen's own compiler: which schemas it takes and
 * which go to Ajv (counted in validatorCompileStats), and behaviour that must
 * hold in the generated module as a generated package loads it (an ES module
 * importing ajv-formats): defaults, own-property semantics, hostile strings,
 * recursion.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { compileValidators, validatorCompileStats, type SchemaToCompile } from '../../../generator/emit/schema/compile-validators.js';
import { keepRunMemos } from '../../../generator/pipeline/run-memos.js';
import type { Dialect } from '../../../generator/spec/revisions.js';
import { ajvCompiler, type Validator } from '../../helpers/own-validators.js';

type Obj = Record<string, unknown>;
// Inside the repository, so the module's `ajv-formats` import resolves as in a generated package.
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.validator-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function load(schemas: Record<string, Obj>, dialect: Dialect = '2020-12'): Promise<{ v: Record<string, Validator>; code: string }> {
  const list: SchemaToCompile[] = Object.entries(schemas).map(([exportName, schema]) => ({ exportName, schema, pointer: `/tools/${exportName}` }));
  const [module] = await compileValidators(list, dialect);
  const file = join(dir, `m${files++}.mjs`);
  writeFileSync(file, module!.code);
  return { v: (await import(pathToFileURL(file).href)) as Record<string, Validator>, code: module!.code };
}

describe('own compiler or Ajv', () => {
  test('a schema with a keyword the compiler does not reproduce goes through Ajv and still validates', async () => {
    const conditional = {
      type: 'object',
      properties: { kind: { type: 'string' }, size: { type: 'integer' } },
      if: { properties: { kind: { const: 'box' } } },
      then: { required: ['size'] },
    };
    const plain = { type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'] };
    const { v, code } = await load({ condInput: conditional, plainInput: plain });
    expect(validatorCompileStats).toEqual({ own: 1, reused: 0, ajv: 1 });
    // mcpgen's compiler wrote it (its exported function holds the root's code).
    expect(code).toContain('export function plainInput(data) {\n  let vErrors = null;');
    expect(v.condInput!({ kind: 'box' })).toBe(false);
    expect(v.condInput!.errors?.map((e) => (e as Obj).message)).toEqual(["must have required property 'size'", 'must match "then" schema']);
    expect(v.condInput!({ kind: 'bag' })).toBe(true);
    expect(v.plainInput!({ q: '' })).toBe(false);
    expect(v.plainInput!.errors).toEqual([
      { instancePath: '/q', schemaPath: '#/properties/q/minLength', keyword: 'minLength', params: { limit: 1 }, message: 'must NOT have fewer than 1 characters' },
    ]);
  });

  test('counts reset per call; a schema of common keywords never loads Ajv', async () => {
    await load({ aInput: { type: 'object' }, bInput: { type: 'object', properties: { x: { $ref: '#/$defs/X' } }, $defs: { X: { type: 'string' } } } });
    expect(validatorCompileStats).toEqual({ own: 2, reused: 0, ajv: 0 });
  });

  test('a second run compiles only the schemas that changed (watch mode), with the same module', async () => {
    keepRunMemos(); // as generate --watch does
    onTestFinished(() => keepRunMemos(false));
    const schemas = (limit: number): Record<string, Obj> => ({
      aInput: { type: 'object', properties: { q: { type: 'string', pattern: '^a' } } },
      bInput: { type: 'object', properties: { n: { type: 'integer', maximum: limit, format: 'int32' } } },
      cOutput: { type: 'array', uniqueItems: true },
    });
    const first = await load(schemas(5));
    expect(validatorCompileStats).toEqual({ own: 3, reused: 0, ajv: 0 });
    const again = await load(schemas(5));
    expect(validatorCompileStats).toEqual({ own: 0, reused: 3, ajv: 0 });
    expect(again.code).toBe(first.code);
    const edited = await load(schemas(9));
    expect(validatorCompileStats).toEqual({ own: 1, reused: 2, ajv: 0 });
    expect(edited.v.bInput!({ n: 7 })).toBe(true);
    expect(edited.v.bInput!({ n: 10 })).toBe(false);
  });

  test.each([
    ['$dynamicRef', { $dynamicRef: '#meta' }],
    ['unevaluatedProperties', { type: 'object', unevaluatedProperties: false }],
    ['a remote $ref', { $ref: 'https://example.com/schema.json' }],
    ['nullable', { type: 'string', nullable: true }],
    ['an invalid pattern', { type: 'string', pattern: '(' }],
    ['a draft-04 exclusiveMinimum', { type: 'number', minimum: 1, exclusiveMinimum: true }],
  ])('%s goes to Ajv', async (_name, schema) => {
    const list = [{ exportName: 'xInput', schema: schema as Obj, pointer: '/tools/0/inputSchema' }];
    await compileValidators(list, '2020-12').catch(() => undefined);
    expect(validatorCompileStats).toEqual({ own: 0, reused: 0, ajv: 1 });
  });

  test('an invalid schema still gets the located error from Ajv', async () => {
    const list = [{ exportName: 'xInput', schema: { type: 'string', pattern: '(' }, pointer: '/tools/3/inputSchema' }];
    await expect(compileValidators(list, '2020-12')).rejects.toMatchObject({ message: expect.stringContaining('/tools/3/inputSchema') });
  });

  test('a definition that is only a $ref to itself goes to Ajv (no endless recursion in generated code)', async () => {
    const list = [{ exportName: 'xInput', schema: { $ref: '#/$defs/A', $defs: { A: { $ref: '#/$defs/A' } } }, pointer: '/tools/0/inputSchema' }];
    await compileValidators(list, '2020-12').catch(() => undefined);
    expect(validatorCompileStats).toEqual({ own: 0, reused: 0, ajv: 1 });
  });
});

describe('generated validators', () => {
  test('useDefaults: absent properties get a fresh copy of the default, never inside anyOf, never over a present value', async () => {
    const schema = {
      type: 'object',
      properties: { tags: { type: 'array', default: ['a'] }, n: { type: 'integer', default: 3 } },
      anyOf: [{ properties: { z: { default: 1 } } }],
    };
    const { v } = await load({ dInput: schema });
    const first: Obj = {};
    expect(v.dInput!(first)).toBe(true);
    expect(first).toEqual({ tags: ['a'], n: 3 });
    (first.tags as string[]).push('mutated');
    const second: Obj = { n: 5 };
    expect(v.dInput!(second)).toBe(true);
    expect(second).toEqual({ n: 5, tags: ['a'] });
  });

  test('ownProperties: inherited constructor/toString are not present; own ones are', async () => {
    const schema = { type: 'object', properties: { toString: { type: 'string' } }, required: ['constructor'] };
    const { v } = await load({ oInput: schema });
    expect(v.oInput!({})).toBe(false);
    expect(v.oInput!.errors).toEqual([
      { instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'constructor' }, message: "must have required property 'constructor'" },
    ]);
    expect(v.oInput!(JSON.parse('{"constructor": 1, "toString": "x"}'))).toBe(true);
    expect(v.oInput!(JSON.parse('{"constructor": 1, "toString": 2}'))).toBe(false);
  });

  test('hostile property names, patterns and enum values stay data, with the errors Ajv gives', async () => {
    const names = ['*/', '"\'`', '${process.exit(1)}', 'line\u2028sep', '</script>', '__defineGetter__', 'a/b~c'];
    const schema = {
      type: 'object',
      properties: Object.fromEntries(names.map((n) => [n, { type: 'string', pattern: `^${n.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}"\u2028$`, enum: [n] }])),
      required: names,
      additionalProperties: false,
      patternProperties: { '^\u2029*/$': { const: '*/ ${x}' } },
    };
    const { v, code } = await load({ hInput: schema });
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(validatorCompileStats.own).toBe(1);
    const ajv = (await ajvCompiler('2020-12'))(schema);
    for (const data of [{}, Object.fromEntries(names.map((n) => [n, n])), { [names[0]!]: 1, '\u2029*/': '*/ ${x}', other: 1 }]) {
      const mine = v.hInput!(structuredClone(data));
      const theirs = ajv(structuredClone(data));
      expect({ valid: mine, errors: v.hInput!.errors }).toEqual({ valid: theirs, errors: ajv.errors });
    }
  });

  test('recursion through $defs: deep trees validate, errors name the deep path', async () => {
    const schema = {
      $ref: '#/$defs/Node',
      $defs: { Node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } }, required: ['value'] } },
    };
    const { v } = await load({ tInput: schema }, 'draft-07');
    let tree: Obj = { value: 0 };
    for (let i = 1; i < 200; i++) tree = { value: i, children: [tree] };
    expect(v.tInput!(tree)).toBe(true);
    expect(v.tInput!({ value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] })).toBe(false);
    expect(v.tInput!.errors).toEqual([
      { instancePath: '/children/0/children/0/value', schemaPath: '#/properties/value/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' },
    ]);
  });
});
