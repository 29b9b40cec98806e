/**
 * mcpgen's own validators against Ajv (the reference) with the options
 * generated code uses: the same validity, the same errors (keyword,
 * instancePath, schemaPath, params, message, order) and the same defaults
 * written into the data, for seeded random schemas and instances in both
 * dialects, and for every tool schema of the sample and bench manifests.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { benchTools } from '../../../bench/server/bench-manifest.js';
import { benchManifest } from '../../../bench/lint-bench.js';
import { loadManifestOrThrow } from '../../../generator/load/load-manifest.js';
import { schemaDialect } from '../../../generator/emit/schema/compile-validators.js';
import { unsupportedReason } from '../../../generator/emit/schema/validator-codegen/support.js';
import type { Dialect } from '../../../generator/spec/revisions.js';
import { ajvCompiler, loadOwn, type Validator } from '../../helpers/own-validators.js';
import { Random, randomInstance, randomRootSchema } from './random-schemas.js';

type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** What a validator does with a copy of `data`: result, errors, the data afterwards (defaults), or what it threw. */
function outcome(validate: Validator, data: unknown): unknown {
  const copy = clone(data);
  try {
    return { valid: validate(copy), errors: validate.errors, data: copy };
  } catch (err) {
    return { threw: (err as Error).constructor.name };
  }
}

function compare(own: Validator, ajv: Validator, data: unknown): void {
  const mine = outcome(own, data);
  const theirs = outcome(ajv, data);
  try {
    expect(mine).toEqual(theirs);
  } catch {
    throw new Error(`own ${JSON.stringify(mine)}\najv ${JSON.stringify(theirs)}`);
  }
}

describe.each(['draft-07', '2020-12'] as Dialect[])('random schemas, %s', (dialect) => {
  test('same validity, errors and defaults as Ajv', async () => {
    const compile = await ajvCompiler(dialect);
    const r = new Random(dialect === 'draft-07' ? 7 : 2020);
    let compared = 0;
    let invalid = 0;
    for (let n = 0; n < 250; n++) {
      const schema = randomRootSchema(r, dialect);
      // The generator only uses keywords the compiler takes.
      const reason = unsupportedReason(schema, dialect, true);
      if (reason === 'default with $ref') continue;
      expect(reason, JSON.stringify(schema)).toBeUndefined();
      const own = loadOwn({ checkInput: schema }, dialect).checkInput!;
      const ajv = compile(schema);
      for (let k = 0; k < 12; k++) {
        const data = randomInstance(r, schema, schema);
        try {
          compare(own, ajv, data);
        } catch (err) {
          throw new Error(`schema ${JSON.stringify(schema)}\ndata ${JSON.stringify(data)}\n${(err as Error).message}`);
        }
        compared++;
        if ((outcome(ajv, data) as { valid?: boolean }).valid === false) invalid++;
      }
    }
    // Both outcomes are well represented.
    expect(compared).toBeGreaterThan(2000);
    expect(invalid).toBeGreaterThan(compared / 5);
    expect(compared - invalid).toBeGreaterThan(compared / 10);
  });
});

function toolsOf(manifest: Obj): { inputSchema: Obj; outputSchema?: Obj }[] {
  return (manifest.tools ?? []) as { inputSchema: Obj; outputSchema?: Obj }[];
}

const samples = ['weather/mcp.yaml', 'conformance-server/mcp.yaml', 'monorepo/mcp.yaml', 'conformance-client/mcp.yaml'];

test('tool schemas of the sample and bench manifests: compiled by mcpgen, same results as Ajv', async () => {
  const tools = [
    ...samples.flatMap((f) => toolsOf(loadManifestOrThrow(join('output-samples', f)).manifest as unknown as Obj)),
    ...benchTools(4),
    ...toolsOf(benchManifest(3)),
  ];
  expect(tools.length).toBeGreaterThan(10);
  const r = new Random(17);
  const compilers: Partial<Record<Dialect, (schema: object) => Validator>> = {};
  for (const fallback of ['2020-12', 'draft-07'] as Dialect[]) {
    for (const tool of tools) {
      for (const schema of [tool.inputSchema, tool.outputSchema].filter((s): s is Obj => s !== undefined)) {
        const dialect = schemaDialect(schema, fallback);
        const compile = (compilers[dialect] ??= await ajvCompiler(dialect));
        expect(unsupportedReason(schema, dialect, true), JSON.stringify(schema)).toBeUndefined();
        const own = loadOwn({ toolInput: schema }, dialect).toolInput!;
        const ajv = compile(schema);
        for (let k = 0; k < 40; k++) compare(own, ajv, randomInstance(r, schema, schema));
      }
    }
  }
});

test('a root reached again through $ref "#": run-time keys and indices below both roots name the same paths as Ajv', async () => {
  // The exported validator holds the root's code with literal paths; the
  // recursion goes through the root's own function, whose paths start at its
  // instancePath parameter. Both must give Ajv's paths.
  const tree: Obj = {
    type: 'object',
    properties: { name: { type: 'string', minLength: 2 }, kids: { type: 'array', items: { $ref: '#' } } },
    patternProperties: { '^x-': { type: 'integer' } },
    propertyNames: { maxLength: 6 },
    required: ['name'],
  };
  const flat: Obj = { type: 'array', items: { type: 'object', patternProperties: { '^x-': { type: 'integer' } }, additionalProperties: { type: 'boolean' } } };
  const data = [
    { name: 'a', kids: [{ name: 'bb', 'x-a/~b': 'no', kids: [{ 'x-1': 1.5, toolong: 1 }] }, 3], 'x-n': 'z' },
    { name: 'root', kids: [] },
    [{ 'x-a/~b': 'no', other: 1, ok: true }, { 'x-1': 2 }, 4],
  ];
  for (const dialect of ['draft-07', '2020-12'] as Dialect[]) {
    const compile = await ajvCompiler(dialect);
    const own = loadOwn({ treeInput: tree, flatInput: flat }, dialect);
    for (const d of data) {
      compare(own.treeInput!, compile(tree), d);
      compare(own.flatInput!, compile(flat), d);
    }
  }
});

test('required and properties share one presence test only where no default can be written in between', async () => {
  // `a` refers to the object itself, so the default Ajv writes into `a`
  // makes `p` present by the time `properties` reaches it: a presence test
  // shared with `required` (taken before) would skip p's type error.
  const schema = {
    type: 'object',
    required: ['p'],
    properties: { a: { type: 'object', properties: { p: { default: 'x' } } }, p: { type: 'integer' } },
  };
  const loop = (): Obj => {
    const o: Obj = {};
    o.a = o;
    return o;
  };
  const ajv = (await ajvCompiler('2020-12'))(schema);
  const own = loadOwn({ loopInput: schema }, '2020-12').loopInput!;
  const [mine, theirs] = [own(loop()), ajv(loop())];
  expect({ valid: mine, errors: own.errors }).toEqual({ valid: theirs, errors: ajv.errors });
  expect(ajv.errors?.map((e) => (e as Obj).instancePath)).toEqual(['', '/p']);
  // Without any default the test is shared, and the results are still Ajv's.
  const plain = { type: 'object', required: ['p', 'q'], properties: { p: { type: 'integer' }, q: true } };
  const ownPlain = loadOwn({ plainInput: plain }, '2020-12').plainInput!;
  const ajvPlain = (await ajvCompiler('2020-12'))(plain);
  for (const d of [{}, { p: 1 }, { p: 'x', q: 1 }]) compare(ownPlain, ajvPlain, d);
});

test('key loops see the own enumerable keys in Object.keys order: inherited and non-enumerable keys are skipped', async () => {
  // Without defaults the key loops are for...in loops with an own-property
  // test; they must report exactly Ajv's keys, in Ajv's order.
  const schema = {
    type: 'object',
    properties: { a: { type: 'integer' } },
    patternProperties: { '^p': { type: 'string' } },
    propertyNames: { maxLength: 3 },
    additionalProperties: false,
  };
  const make = (): Obj => {
    const o = Object.create({ inherited: 1, pInherited: 2 }) as Obj;
    Object.assign(o, { zzzz: 1, 10: 2, a: 1, p1: 3, 2: 4 });
    Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
    return o;
  };
  for (const dialect of ['draft-07', '2020-12'] as Dialect[]) {
    const own = loadOwn({ keysInput: schema }, dialect).keysInput!;
    const ajv = (await ajvCompiler(dialect))(schema);
    const [mine, theirs] = [own(make()), ajv(make())];
    expect({ valid: mine, errors: own.errors }).toEqual({ valid: theirs, errors: ajv.errors });
    expect(ajv.errors?.map((e) => (e as Obj).instancePath)).toContain('/p1');
  }
});

test('additionalProperties: a named key skips the own-property test, an unnamed inherited or polluted key is still not additional', async () => {
  // The key loop tests the schema's names before hasOwnProperty (the valid
  // path's cost, issue 17): an inherited key must still be skipped whether
  // the schema names it or not, and an own unnamed key reported.
  const schema = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } }, additionalProperties: false };
  const nested = { type: 'object', properties: { o: schema, list: { type: 'array', items: schema } }, additionalProperties: false };
  const cases: (() => unknown)[] = [
    () => ({ a: 1, b: 'x' }),
    () => Object.assign(Object.create({ a: 'inherited', z: 1 }) as Obj, { b: 'x' }),
    () => Object.assign(Object.create({ z: 1 }) as Obj, { a: 1, y: 2 }),
    () => Object.assign(Object.create(null) as Obj, { a: 1, z: 2 }),
  ];
  const compile = await ajvCompiler('2020-12');
  const own = loadOwn({ flatInput: schema, nestedInput: nested }, '2020-12');
  try {
    for (const polluted of [false, true]) {
      if (polluted) Object.defineProperty(Object.prototype, 'zz', { value: 1, enumerable: true, configurable: true, writable: true });
      for (const [name, s] of [['flatInput', schema], ['nestedInput', nested]] as const) {
        const ajv = compile(s);
        for (const make of cases) {
          const data = name === 'flatInput' ? make : () => ({ o: make(), list: [make(), make()] });
          const mine = { valid: own[name]!(data()), errors: own[name]!.errors };
          const theirs = { valid: ajv(data()), errors: ajv.errors };
          expect(mine).toEqual(theirs);
        }
      }
    }
  } finally {
    delete (Object.prototype as Obj).zz;
  }
});

test('presence under ownProperties: inherited values, null prototypes, class instances and a polluted Object.prototype', async () => {
  // The presence test skips hasOwnProperty when the data's prototype is
  // Object.prototype and that lacks the name: every other case must still
  // answer as Ajv does.
  const props = { a: { type: 'integer' }, b: { type: 'string' }, c: { type: 'integer' } };
  const schemas: Record<string, Obj> = {
    sharedInput: { type: 'object', required: ['a', 'b'], properties: props },
    defaultsInput: { type: 'object', required: ['a', 'b', 'c'], properties: { ...props, d: { type: 'integer', default: 1 } } },
  };
  class Point {
    a = 1;
    b = 'x';
  }
  const cases: (() => unknown)[] = [
    () => ({ a: 1, b: 'x' }),
    () => ({ a: 1, b: 'x', c: 'no' }),
    () => Object.assign(Object.create(null) as Obj, { a: 1, b: 2 }),
    () => Object.assign(Object.create({ a: 1, c: 'inherited' }) as Obj, { b: 'x' }),
    () => new Point(),
    () => ({ a: undefined, b: 'x' }),
  ];
  const pollutions: (() => void)[] = [
    () => undefined,
    () => Object.defineProperty(Object.prototype, 'c', { value: 'polluted', configurable: true, writable: true, enumerable: true }),
    () => Object.defineProperty(Object.prototype, 'a', { get(): unknown { return this === Object.prototype ? undefined : 7; }, configurable: true }),
  ];
  const compile = await ajvCompiler('2020-12');
  const own = loadOwn(schemas, '2020-12');
  for (const pollute of pollutions) {
    try {
      pollute();
      for (const [name, schema] of Object.entries(schemas)) {
        const ajv = compile(schema);
        for (const make of cases) {
          const [mineData, theirData] = [make(), make()];
          const mine = { valid: own[name]!(mineData), errors: own[name]!.errors, data: mineData };
          const theirs = { valid: ajv(theirData), errors: ajv.errors, data: theirData };
          expect(mine).toEqual(theirs);
        }
      }
    } finally {
      delete (Object.prototype as Obj).a;
      delete (Object.prototype as Obj).c;
    }
  }
});
