/**
 * The type emitter lays out its modules exactly as prettier would, so the
 * write stage can skip prettier for them: over a corpus of real, bench,
 * hostile and seeded random schemas, prettier must leave every module it
 * reports as laid out unchanged. (A module it does not report as laid out
 * still goes through prettier, so it is only counted.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { definitionsToDeclarations, schemaToDeclarations } from '../../generator/emit/schema/typescript/declarations.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { PRETTIER_OPTIONS } from '../../generator/output/format-files.js';
import { benchTools } from '../../bench/server/bench-manifest.js';
import { benchManifest as lintBenchManifest } from '../../bench/lint-bench.js';
import { randomSchemas } from '../helpers/random-schemas.js';
import { repoRoot } from '../helpers/paths.js';

type Schema = Record<string, unknown>;

function toolSchemas(tools: unknown): Schema[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((t: { inputSchema?: Schema; outputSchema?: Schema }) => [t.inputSchema, t.outputSchema].filter((s): s is Schema => !!s));
}

function sampleSchemas(): Schema[] {
  const dir = join(repoRoot, 'output-samples');
  return ['weather/mcp.yaml', 'conformance-server/mcp.yaml', 'conformance-client/mcp.yaml', 'monorepo/mcp.yaml'].flatMap((f) =>
    toolSchemas((parse(readFileSync(join(dir, f), 'utf8')) as { tools?: unknown }).tools),
  );
}

const hostile = ["it's", 'say "hi"', `'''"`, 'a\\b', '*/ x /*', 'a\nb\r\nc', '\u2028\u2029', '</script>', '${x}`', '\u0000\u001f\u007f', '\ud800'];

const hostileSchemas: Schema[] = [
  {
    type: 'object',
    description: hostile.join('\n'),
    properties: Object.fromEntries(hostile.map((h, i) => [h, { enum: hostile, description: h, default: i }])),
    required: hostile.slice(0, 3),
    additionalProperties: { const: '*/' },
  },
  { enum: hostile },
  { type: 'object', properties: { a: { type: 'array', items: { enum: hostile.map((h) => h.repeat(20)) } } } },
];

async function format(code: string): Promise<string> {
  return prettier.format(code, { ...PRETTIER_OPTIONS, parser: 'typescript' });
}

/** Checks every module; returns how many were laid out. */
async function expectLaidOutAsPrettier(schemas: Schema[]): Promise<number> {
  let laidOut = 0;
  for (const [i, schema] of schemas.entries()) {
    const out = schemaToDeclarations(schema, `Tool${i}Input`);
    if (!out.laidOut) continue;
    laidOut++;
    expect(await format(out.code), `schema #${i}: ${JSON.stringify(schema)}`).toBe(out.code);
  }
  return laidOut;
}

describe('type modules are laid out as prettier lays them out', () => {
  it('for the sample manifests', async () => {
    const schemas = sampleSchemas();
    expect(schemas.length).toBeGreaterThan(10);
    expect(await expectLaidOutAsPrettier(schemas)).toBe(schemas.length);
  });

  it('for the bench manifests', async () => {
    const schemas = [...toolSchemas(benchTools(4)), ...toolSchemas(lintBenchManifest(4).tools)];
    expect(await expectLaidOutAsPrettier(schemas)).toBe(schemas.length);
  });

  it('for hostile strings (non-ASCII literals are left to prettier)', async () => {
    expect(await expectLaidOutAsPrettier(hostileSchemas)).toBe(hostileSchemas.length);
  });

  it.each(['2024-11-05', '2025-06-18', '2025-11-25', '2026-07-28'])('for the official %s schema definitions', async (revision) => {
    const { definitions } = loadSpec(revision);
    const out = definitionsToDeclarations(Object.entries(definitions).map(([name, schema]) => ({ name, schema })));
    expect(out.laidOut).toBe(true);
    expect(await format(out.code)).toBe(out.code);
  });

  it('for 400 seeded random schemas', async () => {
    const schemas = randomSchemas(400, 17);
    const laidOut = await expectLaidOutAsPrettier(schemas);
    // Only schemas with non-ASCII literals or keys fall back to prettier.
    expect(laidOut).toBeGreaterThan(schemas.length * 0.75);
  });
});
