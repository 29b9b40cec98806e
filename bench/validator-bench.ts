/**
 * Generated validators at run time: the precompiled validator mcpgen emits
 * for the bench's tool 0 (input, with defaults, and output) against Ajv
 * compiling the same schema at run time with the same options (allErrors,
 * ownProperties, useDefaults for input, formats), and against zod 4 with the
 * equivalent hand-written schema; a valid and an invalid value each, rounds
 * interleaved. Targets (issue 17): >= 1.0x Ajv and >= 10x zod (speed-ups;
 * higher is better).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { compileValidators } from '../generator/emit/schema/compile-validators.js';
import { createAjv } from '../generator/emit/schema/ajv-standalone.js';
import { record } from './figures.js';
import { formatTable, median, ratio } from './measure.js';
import { benchTools } from './server/bench-manifest.js';

const here = fileURLToPath(new URL('.', import.meta.url));

type Check = (value: unknown) => boolean;

const VALID_INPUT = { query: 'weather stations', collection: 'stations', limit: 10, sort: 'newest', owner: 'a@example.com', range: { from: '2026-01-01' }, tags: [{ key: 'region', value: 'north' }] };
const INVALID_INPUT = { query: '', collection: 'Bad Name!', limit: 1000, sort: 'sideways', owner: 'nobody', range: { from: 'yesterday', extra: 1 }, tags: [{ value: 3 }] };
const VALID_OUTPUT = { total: 2, items: [{ id: 'a', score: 0.5 }, { id: 'b' }] };
const INVALID_OUTPUT = { total: -1, items: [{ score: 'high' }] };

/** zod 4 schemas equivalent to tool 0's input and output schemas (bench-manifest.ts). */
const zodInput = z.strictObject({
  query: z.string().min(1).max(200),
  collection: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/u).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
  owner: z.email().optional(),
  range: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() }).optional(),
  tags: z.array(z.looseObject({ key: z.string(), value: z.string().optional() })).max(10).optional(),
});
const zodOutput = z.looseObject({
  total: z.number().int().min(0),
  items: z.array(z.looseObject({ id: z.string(), score: z.number().max(1).optional() })),
});

/**
 * A calling loop of its own for one validator: a shared loop would make its
 * call site polymorphic across the validators compared, and the JIT would
 * then favour whichever ran first.
 */
function ownLoop(): (check: Check, value: unknown, n: number) => void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('check', 'value', 'n', 'for (let i = 0; i < n; i++) check(value);') as (check: Check, value: unknown, n: number) => void;
}

/**
 * Leaves a clean heap and idle GC threads before each timed sample, so that
 * no validator pays for the garbage of the one timed before it. Without this
 * the figures depended on the order: zod's invalid path allocates so much
 * that (1) its young generation is full of still-live objects when its
 * sample ends, and the first scavenge of the next sample (the generated
 * validator's, next round) copied them for 20-30 ms, adding 700-1000 ns to
 * each of its 30,000 calls (seen with --trace-gc); and (2) after a full GC
 * the V8 background threads keep freeing zod's memory for tens of
 * milliseconds, on the 2 cores the timed sample runs on (seen as ~280 ns of
 * system time per call in whichever validator ran next, and none when it
 * ran before zod). So: a full GC, then wait (at most 300 ms) until the
 * process's background threads have gone quiet.
 */
const settle = ((): (() => void) => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return () => {
    gc();
    for (let waited = 0; waited < 300; waited += 10) {
      const before = cpuUs();
      Atomics.wait(pause, 0, 0, 10); // this thread sleeps: CPU time used meanwhile is the GC threads'
      if (cpuUs() - before < 500) return;
    }
  };
})();

/** CPU time of this process (all its threads, so a validator's GC work counts), in microseconds. */
function cpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * ns of CPU time per call: the median of interleaved rounds of `iterations`
 * calls, each after settle(). CPU time rather than wall time: on this machine
 * (2 cores, load average 7-10 from parallel work) a sample's wall time mostly
 * measured when the scheduler ran the process (Ajv's valid-input figure
 * ranged 360-1490 ns between two runs of the same code); CPU time counts the
 * work done, GC threads included, and agreed within ~10% across runs.
 */
function measure(checks: Check[], value: () => unknown, iterations: number, rounds: number): number[] {
  const samples = checks.map(() => [] as number[]);
  const v = value();
  const loops = checks.map(() => ownLoop());
  checks.forEach((check, j) => loops[j]!(check, v, 2000)); // warm-up (JIT)
  for (let r = 0; r < rounds; r++) {
    checks.forEach((check, j) => {
      settle();
      const start = cpuUs();
      loops[j]!(check, v, iterations);
      samples[j]!.push(((cpuUs() - start) * 1000) / iterations);
    });
  }
  return samples.map(median);
}

export async function run(): Promise<void> {
  const tool = benchTools(1)[0]!;
  const modules = await compileValidators(
    [
      { exportName: 'toolInput', schema: tool.inputSchema, pointer: '/tools/0/inputSchema' },
      { exportName: 'toolOutput', schema: tool.outputSchema!, pointer: '/tools/0/outputSchema' },
    ],
    '2020-12',
  );
  // Inside the package, so the module's imports (ajv-formats) resolve from its node_modules.
  const dir = join(here, '.validator-bench');
  mkdirSync(dir, { recursive: true });
  const generated: Record<string, Check> = {};
  for (const [i, m] of modules.entries()) {
    const file = join(dir, `validators-${i}.mjs`);
    writeFileSync(file, m.code.replace(/^\/\/ @ts-nocheck\n/, ''));
    Object.assign(generated, (await import(pathToFileURL(file).href)) as Record<string, Check>);
  }
  rmSync(dir, { recursive: true, force: true });

  const ajvInput = await createAjv('2020-12', { source: false, allErrors: true, ownProperties: true, useDefaults: true });
  const ajvOutput = await createAjv('2020-12', { source: false, allErrors: true, ownProperties: true });
  ajvInput.addSchema(tool.inputSchema, 'in');
  ajvOutput.addSchema(tool.outputSchema!, 'out');
  const ajvIn = ajvInput.getSchema('in')!;
  const ajvOut = ajvOutput.getSchema('out')!;

  const iterations = Number(process.env.BENCH_VALIDATE_ITERATIONS ?? 30_000);
  // 15 rounds: with 7, the output-invalid ratio (about 100 ns a call on both sides) ranged from 0.91x to 1.62x between runs.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
  const cases = [
    { label: 'input, valid', gen: generated.toolInput!, ajv: ajvIn, zod: (v: unknown) => zodInput.safeParse(v).success, value: () => structuredClone(VALID_INPUT) },
    { label: 'input, invalid', gen: generated.toolInput!, ajv: ajvIn, zod: (v: unknown) => zodInput.safeParse(v).success, value: () => structuredClone(INVALID_INPUT) },
    { label: 'output, valid', gen: generated.toolOutput!, ajv: ajvOut, zod: (v: unknown) => zodOutput.safeParse(v).success, value: () => structuredClone(VALID_OUTPUT) },
    { label: 'output, invalid', gen: generated.toolOutput!, ajv: ajvOut, zod: (v: unknown) => zodOutput.safeParse(v).success, value: () => structuredClone(INVALID_OUTPUT) },
  ];
  const rows: (string | number)[][] = [];
  const command = 'BENCH_ONLY=validators npm run bench';
  for (const c of cases) {
    // The three must agree on the verdict, or the comparison means nothing.
    const verdicts = [c.gen(c.value()), c.ajv(c.value()), c.zod(c.value())];
    if (new Set(verdicts).size !== 1) throw new Error(`${c.label}: validators disagree (generated, Ajv, zod): ${verdicts.join(', ')}`);
    const [gen, ajv, zod] = measure([c.gen, c.ajv, c.zod], c.value, iterations, rounds) as [number, number, number];
    rows.push([c.label, `${gen.toFixed(0)} ns`, `${ajv.toFixed(0)} ns`, `${zod.toFixed(0)} ns`, ratio(ajv / gen), ratio(zod / gen)]);
    record({ figure: `validator, ${c.label}: speed vs Ajv at run time`, value: `${gen.toFixed(0)} ns/call (CPU)`, baseline: `Ajv compiled at run time: ${ajv.toFixed(0)} ns`, ratio: ajv / gen, target: '>= 1.00x', met: ajv / gen >= 1, command });
    record({ figure: `validator, ${c.label}: speed vs zod`, value: `${gen.toFixed(0)} ns/call (CPU)`, baseline: `zod 4: ${zod.toFixed(0)} ns`, ratio: zod / gen, target: '>= 10x', met: zod / gen >= 10, command });
  }
  console.log(`\n## Validators per call, CPU time (median of ${rounds} interleaved rounds of ${iterations.toLocaleString('en')} calls; speed-up = baseline time / generated time)\n`);
  console.log(formatTable(['case', 'generated', 'Ajv (run time)', 'zod 4', 'speed-up vs Ajv', 'speed-up vs zod'], rows));
}
