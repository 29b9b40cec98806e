/**
 * Protocol benchmark: `protocol` generation time per revision, and validator
 * throughput on CallToolRequest (valid and invalid) for the precompiled
 * validators.js against Ajv compiled at run time with the same options in the
 * same process (target: ratio >= 0.9) and against the zod schema of
 * @modelcontextprotocol/core (target: >= 5x). Bounded: ~1 s per measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emitProtocol } from '../generator/protocol/emit-protocol.js';
import { compileAtRuntime } from '../generator/protocol/emit-validators.js';
import { loadSpec } from '../generator/spec/load-spec.js';
import { listRevisions } from '../generator/spec/revisions.js';

const REVISION = '2025-11-25';
const VALID = {
  jsonrpc: '2.0',
  id: 7,
  method: 'tools/call',
  params: { name: 'get_weather', arguments: { location: 'New York', units: 'metric' }, _meta: { progressToken: 'p-1' } },
};
const INVALID = { ...VALID, params: { ...VALID.params, name: 42 } };

/**
 * Returns a measuring loop with its own compiled code. A single shared loop
 * would see all three validators at one call site, which V8 then treats as
 * polymorphic, penalising whichever contender is measured later.
 */
function freshLoop(): (fn: (value: unknown) => unknown, value: unknown, ms: number) => number {
  return new Function(
    'fn',
    'value',
    'ms',
    `for (let i = 0; i < 20000; i++) fn(value);
     let ops = 0;
     const start = performance.now();
     let elapsed = 0;
     while (elapsed < ms) {
       for (let i = 0; i < 10000; i++) fn(value);
       ops += 10000;
       elapsed = performance.now() - start;
     }
     return (ops / elapsed) * 1000;`,
  ) as (fn: (value: unknown) => unknown, value: unknown, ms: number) => number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-bench-'));
  try {
    console.log('protocol generation (types, validators, docs; write to a temp folder):');
    for (const revision of listRevisions()) {
      const started = performance.now();
      await emitProtocol({ revision: revision.id, out: join(dir, revision.id) });
      console.log(`  ${revision.id.padEnd(11)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
    }

    const spec = loadSpec(REVISION);
    const generated = (await import(pathToFileURL(join(dir, REVISION, 'validators.js')).href)) as Record<string, (v: unknown) => boolean>;
    const ours = generated.isCallToolRequest!;
    const runtime = (await compileAtRuntime(spec.schema, spec.revision.dialect))('CallToolRequest');
    const { CallToolRequestSchema } = await import('@modelcontextprotocol/core');
    const zod = (v: unknown) => CallToolRequestSchema.safeParse(v).success;

    for (const [fn, name] of [[ours, 'ours'], [runtime, 'ajv runtime'], [zod, 'zod']] as const) {
      if (fn(VALID) !== true || fn(INVALID) !== false) throw new Error(`bench inputs misjudged by ${name}`);
    }

    console.log(`\nCallToolRequest validation (${REVISION}), ops/s:`);
    console.log('  case     ours (precompiled)   ajv (runtime compile)   zod (@modelcontextprotocol/core)   ours/ajv   ours/zod');
    for (const [label, value] of [['valid', VALID], ['invalid', INVALID]] as const) {
      // Three interleaved rounds, best of each: one contender measured first
      // would otherwise carry the JIT and GC noise alone.
      let o = 0;
      let a = 0;
      let z = 0;
      const [loopOurs, loopAjv, loopZod] = [freshLoop(), freshLoop(), freshLoop()];
      for (let round = 0; round < 3; round++) {
        o = Math.max(o, loopOurs(ours, value, 500));
        a = Math.max(a, loopAjv(runtime, value, 500));
        z = Math.max(z, loopZod(zod, value, 500));
      }
      console.log(
        `  ${label.padEnd(8)} ${fmt(o).padStart(18)}   ${fmt(a).padStart(21)}   ${fmt(z).padStart(32)}   ${(o / a).toFixed(2).padStart(8)}   ${(o / z).toFixed(1).padStart(7)}x`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
