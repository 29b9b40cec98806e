/**
 * What the type emitter declares for a schema: recursive `$defs` (which
 * crashed json-schema-to-typescript), stable names, safe fallbacks, hostile
 * text, deep nesting; and that every module it writes compiles under strict
 * TypeScript with the guarantees handlers rely on (@ts-expect-error checks).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaToDeclarations } from '../../generator/emit/schema/typescript/declarations.js';
import { schemaToTypes } from '../../generator/emit/schema/schema-to-types.js';
import { randomSchemas } from '../helpers/random-schemas.js';
import { repoRoot, tempDir } from '../helpers/paths.js';

const tree = {
  type: 'object',
  properties: { root: { $ref: '#/$defs/node' } },
  required: ['root'],
  $defs: {
    node: {
      type: 'object',
      description: 'A tree node.',
      properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
      required: ['value'],
    },
  },
};

describe('schemaToTypes', () => {
  it('declares a recursive $defs entry as a named type that references itself', async () => {
    const code = await schemaToTypes(tree, 'TreeInput');
    expect(code).toBe(
      [
        'export interface TreeInput {',
        '  root: Node;',
        '}',
        '',
        '/**',
        ' * A tree node.',
        ' */',
        'export interface Node {',
        '  value: string;',
        '  children?: Node[];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('formats a module with non-ASCII literals with prettier instead', async () => {
    const schema = { type: 'object', properties: { 'café-au-lait': { enum: ['crème', 'brûlée'] } } };
    expect(schemaToDeclarations(schema, 'CafeInput').laidOut).toBe(false);
    expect(await schemaToTypes(schema, 'CafeInput')).toBe("export interface CafeInput {\n  'café-au-lait'?: 'crème' | 'brûlée';\n}\n");
  });
});

describe('schemaToDeclarations', () => {
  const code = (schema: Record<string, unknown>, name = 'XInput'): string => schemaToDeclarations(schema, name).code;

  it('names $defs entries by key, independent of key order, never clashing with the root or each other', () => {
    const defs = { 'foo-bar': { type: 'string' }, foo_bar: { type: 'number' }, FooBar2: { type: 'boolean' }, 'x-input': { type: 'null' }, '9lives': {}, '': {} };
    const names = (c: string): string[] => [...c.matchAll(/export type (\w+) = (\w+);/g)].map((m) => `${m[1]}=${m[2]}`).sort();
    const forward = names(code({ $defs: defs }));
    const backward = names(code({ $defs: Object.fromEntries(Object.entries(defs).reverse()) }));
    expect(forward).toEqual(backward);
    expect(forward).toEqual(['Definition=unknown', 'FooBar2=boolean', 'FooBar3=number', 'FooBar=string', 'T9lives=unknown', 'XInput2=null', 'XInput=unknown'].sort());
  });

  it('maps unresolvable refs, boolean and empty schemas and `not` to unknown or never, without throwing', () => {
    expect(code({ type: 'object', properties: { a: { $ref: '#/$defs/missing' }, b: { $ref: 'other.json' }, c: true, d: false, e: {}, f: { not: { type: 'string' } } } })).toBe(
      'export interface XInput {\n  a?: unknown;\n  b?: unknown;\n  c?: unknown;\n  d?: never;\n  e?: unknown;\n  f?: unknown;\n}\n',
    );
  });

  it('turns an alias that would reference itself eagerly into unknown (TypeScript rejects it)', () => {
    expect(code({ $defs: { a: { $ref: '#/$defs/b' }, b: { anyOf: [{ $ref: '#/$defs/a' }, { type: 'null' }] }, list: { type: 'array', items: { $ref: '#/$defs/list' } } } })).toBe(
      'export type XInput = unknown;\n\nexport type A = unknown;\n\nexport type B = A | null;\n\nexport type List = List[];\n',
    );
  });

  it('keeps hostile descriptions inside their comment and hostile strings inside their literal', () => {
    const out = code({ type: 'object', description: 'ends */ here\u2028and </script>', properties: { "'*/": { const: "*/'\"</script>\u2028" } } });
    expect(out).toBe(
      "/**\n * ends *\\/ here\n * and <\\/script>\n */\nexport interface XInput {\n  \"'*/\"?: '*/\\'\"<\\/script>\\u2028';\n}\n",
    );
  });

  it('degrades nesting deeper than the loader allows to unknown instead of overflowing the stack', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 5000; i++) schema = { type: 'object', properties: { a: schema }, required: ['a'] };
    const out = code(schema);
    expect(out).toContain('a: unknown;');
    expect(out.startsWith('export interface XInput {\n  a: {\n')).toBe(true);
  });
});

/** Runs strict tsc over the files in `dir`; returns its output (empty when it compiles). */
function tsc(dir: string, files: string[]): { status: number | null; output: string } {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--skipLibCheck', ...files.map((f) => join(dir, f))],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('emitted modules compile under strict TypeScript', () => {
  it('for 400 seeded random schemas, and keep the guarantees handlers rely on', () => {
    const dir = tempDir('mcpgen-types-');
    const files: string[] = [];
    for (const [i, schema] of randomSchemas(400, 17).entries()) {
      writeFileSync(join(dir, `r${i}.ts`), schemaToDeclarations(schema, `R${i}Input`).code);
      files.push(`r${i}.ts`);
    }
    const modules: Record<string, Record<string, unknown>> = {
      tree,
      closed: { type: 'object', properties: { a: { type: 'string' }, n: { type: ['integer', 'null'] }, kind: { enum: ['x', 'y'] } }, required: ['a'] },
      open: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: { type: 'number' } },
      widened: { type: 'object', properties: { s: { type: 'string' } }, additionalProperties: { type: 'number' } },
      tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], minItems: 1, items: { type: 'boolean' } },
    };
    for (const [name, schema] of Object.entries(modules)) writeFileSync(join(dir, `${name}.ts`), schemaToDeclarations(schema, 'T').code);
    writeFileSync(
      join(dir, 'check.ts'),
      [
        "import type { T as Tree, Node } from './tree.js';",
        "import type { T as Closed } from './closed.js';",
        "import type { T as Open } from './open.js';",
        "import type { T as Tuple } from './tuple.js';",
        "import type { T as Widened } from './widened.js';",
        "export const tree: Tree = { root: { value: 'a', children: [{ value: 'b', children: [] }] } };",
        '// @ts-expect-error a node needs its value, at any depth',
        "export const node: Node = { value: 'a', children: [{ children: [] }] };",
        "export const closed: Closed = { a: 'x', n: null, kind: 'y' };",
        '// @ts-expect-error unknown field on a closed object',
        "export const extra: Closed = { a: 'x', extra: 1 };",
        '// @ts-expect-error missing required property',
        'export const missing: Closed = {};',
        '// @ts-expect-error a value outside the enum',
        "export const wrongEnum: Closed = { a: 'x', kind: 'z' };",
        "export const open: Open = { n: 1, other: 2 };",
        "export const widened: Widened = { s: 'x', other: 2 };",
        '// @ts-expect-error extra properties must match additionalProperties',
        "export const wrongExtra: Open = { n: 1, other: 'x' };",
        "export const tuples: Tuple[] = [['a'], ['a', 1], ['a', 1, true, false]];",
        '// @ts-expect-error the rest elements are booleans',
        "export const wrongTuple: Tuple = ['a', 1, 'x'];",
        '',
      ].join('\n'),
    );
    files.push(...Object.keys(modules).map((m) => `${m}.ts`), 'check.ts');
    const r = tsc(dir, files);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
