/**
 * A validator module of more than SECTION_UNITS tools is written as sections
 * (compile-validators.ts CompiledModule.files): each a self-contained module
 * holding some tools' validators, and `validators/<dialect>.ts` re-exporting
 * them (plus Ajv's code, if any). A tool lands in the section its name hashes
 * to, so editing, adding or removing one tool rewrites that tool's section
 * only, never the other sections (the whole module was 13 MB at 1,000 tools).
 * Smaller servers keep the single module. The generated code is run end to
 * end in test/e2e/server-split-validators.test.ts.
 */
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../../generator/emit/schema/compile-validators.js';
import { sectionCount, SECTION_UNITS } from '../../generator/emit/schema/validator-sections.js';
import { generate } from '../../generator/generate.js';
import { writeFiles } from '../helpers/write-files.js';

const tool = (i: number, minimum = i) => ({
  name: `t${i}`,
  description: `Tool ${i}.`,
  inputSchema: { type: 'object', properties: { n: { type: 'integer', minimum } }, required: ['n'], additionalProperties: false },
  ...(i % 2 ? { outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } } } } : {}),
});
const manifest = (tools: object[]) => JSON.stringify({ server: { name: 'sections', version: '1.0.0' }, tools });

const validatorsDir = (out: string) => join(out, 'src', 'generated', 'validators');
const partFiles = (out: string) => readdirSync(join(validatorsDir(out), '2020-12')).sort();

describe('validator module sections', () => {
  it('are a power of two as many as SECTION_UNITS tools each take, up to 64', () => {
    expect(SECTION_UNITS).toBe(32);
    expect([1, 32, 33, 64, 65, 1000, 2048, 2049, 100_000].map(sectionCount)).toEqual([1, 1, 2, 2, 4, 32, 64, 64, 64]);
  });

  it('leave a module of up to SECTION_UNITS tools in one file', async () => {
    const schemas = Array.from({ length: 32 }, (_, i) => ({ exportName: `t${i}Input`, schema: tool(i).inputSchema, pointer: `/tools/${i}/inputSchema`, unit: `t${i}` }));
    const [module] = await compileValidators(schemas, '2020-12');
    expect(module!.files.map((f) => f.stem)).toEqual(['2020-12']);
    expect(module!.files[0]!.partsAfter('').join('')).toBe(module!.code);
  });

  it('hold each tool (input and output) in exactly one self-contained section, re-exported by the dialect module', async () => {
    const tools = Array.from({ length: 40 }, (_, i) => tool(i));
    const schemas = tools.flatMap((t, i) => [
      { exportName: `t${i}Input`, schema: t.inputSchema, pointer: `/tools/${i}/inputSchema`, unit: `t${i}` },
      ...(t.outputSchema ? [{ exportName: `t${i}Output`, schema: t.outputSchema, pointer: `/tools/${i}/outputSchema`, unit: `t${i}` }] : []),
    ]);
    const [module] = await compileValidators(schemas, '2020-12');
    const [barrel, ...sections] = module!.files;
    expect(barrel!.stem).toBe('2020-12');
    expect(sections.map((s) => s.stem)).toEqual(['2020-12/part-00', '2020-12/part-01']);
    expect(barrel!.partsAfter('').join('')).toBe("// @ts-nocheck\nexport * from './2020-12/part-00.js';\nexport * from './2020-12/part-01.js';\n");
    const texts = sections.map((s) => s.partsAfter('').join(''));
    for (const t of texts) {
      // Self-contained: the helpers its validators call are declared in it.
      expect(t.startsWith('// @ts-nocheck\n')).toBe(true);
      expect(t).toContain('function mvLazyErrors(');
    }
    for (let i = 0; i < 40; i++) {
      const holders = texts.filter((t) => t.includes(`export function t${i}Input(`));
      expect(holders, `t${i}`).toHaveLength(1);
      if (i % 2) expect(holders[0]).toContain(`export function t${i}Output(`);
    }
    // The plug-in view is still the whole module.
    for (let i = 0; i < 40; i++) expect(module!.code).toContain(`export function t${i}Input(`);
  });

  it('make a one-tool edit, addition or removal rewrite that tool’s section only', async () => {
    const tools = Array.from({ length: 40 }, (_, i) => tool(i));
    const dir = writeFiles({ 'mcp.json': manifest(tools) });
    const out = join(dir, 'out');
    const options = { manifests: [join(dir, 'mcp.json')], revision: '2025-11-25', emit: ['manifest', 'server'], out, cwd: dir };
    expect((await generate(options)).exitCode).toBe(0);
    const parts = partFiles(out);
    expect(parts).toEqual(['part-00.ts', 'part-01.ts']);
    const sectionOf = (name: string) => parts.find((p) => readFileSync(join(validatorsDir(out), '2020-12', p), 'utf8').includes(`export function ${name}Input(`));

    const rewrite = async (next: object[]) => {
      const files = [...parts.map((p) => join('2020-12', p)), '2020-12.ts'];
      const old = new Date(Date.now() - 60_000);
      for (const f of files) utimesSync(join(validatorsDir(out), f), old, old);
      writeFileSync(join(dir, 'mcp.json'), manifest(next));
      const result = await generate(options);
      expect(result.exitCode).toBe(0);
      return files.filter((f) => statSync(join(validatorsDir(out), f)).mtimeMs > old.getTime() + 1000).sort();
    };

    const edited = tools.map((t, i) => (i === 7 ? tool(7, 100) : t));
    expect(await rewrite(edited)).toEqual([join('2020-12', sectionOf('t7')!)]);
    expect(await rewrite([...edited, tool(40)])).toEqual([join('2020-12', sectionOf('t40')!)]);
    const heldT40 = sectionOf('t40')!;
    expect(await rewrite(edited)).toEqual([join('2020-12', heldT40)]);
    expect(sectionOf('t40')).toBeUndefined();
  });
});
