/**
 * Speed figures for mcpgen's own validator compiler (not a timed test; the
 * lead's `npm run bench` owns the tracked figures). Run with
 * `npm run build && node dist/bench/validator-speed.js`.
 *
 * (a) Compiling the 1,500 input and output schemas of benchTools(1000) (property
 *     names made distinct per tool, so nothing is shared) with mcpgen's compiler vs Ajv standalone,
 *     today's path: ms and output bytes.
 * (b) Validating a valid and an invalid input 1e6 times with the generated
 *     function vs an Ajv validator compiled at run time with the same options:
 *     ns per call.
 */
import { performance } from 'node:perf_hooks';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { createAjv, standaloneModule } from '../generator/emit/schema/ajv-standalone.js';
import { compileOwnModule } from '../generator/emit/schema/validator-codegen/compile-module.js';
import { unsupportedReason } from '../generator/emit/schema/validator-codegen/support.js';
import { benchTools } from './server/bench-manifest.js';

type Obj = Record<string, unknown>;
type Validator = ((data: unknown) => boolean) & { errors?: unknown };

/** `schema` with every property name (and `required` entry) suffixed, so no two tools share anything. */
function renamed(schema: unknown, suffix: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => renamed(s, suffix));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Obj = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Obj).map(([name, sub]) => [`${name}_${suffix}`, renamed(sub, suffix)]));
    else if (key === 'required') out[key] = (value as string[]).map((name) => `${name}_${suffix}`);
    else out[key] = renamed(value, suffix);
  }
  return out;
}

function schemas(count: number): { exportName: string; schema: Obj }[] {
  return benchTools(count).flatMap((t, i) => [
    { exportName: `tool${i}Input`, schema: renamed(t.inputSchema, String(i)) as Obj },
    ...(t.outputSchema ? [{ exportName: `tool${i}Output`, schema: renamed(t.outputSchema, String(i)) as Obj }] : []),
  ]);
}

async function compileWithAjv(list: { exportName: string; schema: Obj }[]): Promise<string> {
  const ajv = await createAjv('2020-12', { source: true, allErrors: true, ownProperties: true, useDefaults: true });
  const refs: Record<string, string> = {};
  for (const s of list) {
    ajv.addSchema(s.schema, `mcpgen:${s.exportName}`);
    ajv.getSchema(`mcpgen:${s.exportName}`);
    refs[s.exportName] = `mcpgen:${s.exportName}`;
  }
  return standaloneModule(ajv, refs, { allowImports: true });
}

/** CPU time of this process (user + system), steadier than wall time on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function loadOwn(body: string, names: string[]): Record<string, Validator> {
  const code = `${body.replace(/^export function /gm, 'function ')}\nreturn { ${names.join(', ')} };`;
  return new Function('mvFormats', code)(fullFormats) as Record<string, Validator>;
}

function nsPerCall(validate: Validator, data: unknown, runs: number): number {
  for (let i = 0; i < 10_000; i++) validate(structuredClone(data));
  const inputs = Array.from({ length: 1000 }, () => structuredClone(data));
  const start = performance.now();
  for (let i = 0; i < runs; i++) validate(inputs[i % 1000]);
  return ((performance.now() - start) * 1e6) / runs;
}

async function main(): Promise<void> {
  const list = schemas(1000);
  // Warm both paths up on a few other schemas (module loading, JIT).
  compileOwnModule(schemas(5), '2020-12', { useDefaults: true });
  await compileWithAjv(schemas(5).map((s) => ({ ...s, exportName: `warm${s.exportName}` })));

  let start = cpuMs();
  // As compileValidators does: the support check, then the compiler.
  if (list.some((s) => unsupportedReason(s.schema, '2020-12', true) !== undefined)) throw new Error('a bench schema is not compiled by mcpgen');
  const own = compileOwnModule(list, '2020-12', { useDefaults: true });
  const ownMs = cpuMs() - start;
  const ownBytes = Buffer.byteLength([...own.imports, own.body].join('\n'));
  start = cpuMs();
  const ajvSource = await compileWithAjv(list);
  const ajvMs = cpuMs() - start;
  const ajvBytes = Buffer.byteLength(ajvSource);
  console.log(`(a) compile ${list.length} schemas (CPU time): mcpgen ${ownMs.toFixed(0)} ms, ${(ownBytes / 1e6).toFixed(2)} MB; Ajv standalone ${ajvMs.toFixed(0)} ms, ${(ajvBytes / 1e6).toFixed(2)} MB; ${(ajvMs / ownMs).toFixed(1)}x faster, ${(ajvBytes / ownBytes).toFixed(1)}x smaller`);

  const schema = benchTools(1)[0]!.inputSchema;
  const mine = loadOwn(compileOwnModule([{ exportName: 'benchInput', schema }], '2020-12', { useDefaults: true }).body, ['benchInput']).benchInput!;
  const runtimeAjv = (await createAjv('2020-12', { source: false, allErrors: true, ownProperties: true, useDefaults: true })) as unknown as { compile(s: object): Validator };
  const theirs = runtimeAjv.compile(schema);
  const valid = { query: 'climate reports', collection: 'docs_2024', limit: 50, sort: 'newest', owner: 'ana@example.com', range: { from: '2024-01-01', to: '2024-12-31' }, tags: [{ key: 'team', value: 'ops' }, { key: 'year' }] };
  const invalid = { query: '', collection: 'Docs!', limit: 500, sort: 'random', owner: 'nobody', range: { from: '2024-13-01', extra: 1 }, tags: [{ value: 1 }] };
  if (!mine(structuredClone(valid)) || mine(structuredClone(invalid))) throw new Error('bench inputs are not valid/invalid as intended');
  const runs = Number(process.env.RUNS ?? 1e6);
  for (const [label, data] of [['valid', valid], ['invalid', invalid]] as const) {
    // Alternate and keep each side's best of three, so neither gains from order or a busy moment.
    let m = Infinity;
    let a = Infinity;
    for (let round = 0; round < 3; round++) {
      m = Math.min(m, nsPerCall(mine, data, runs));
      a = Math.min(a, nsPerCall(theirs, data, runs));
    }
    console.log(`(b) ${label} input, ${runs} calls: mcpgen ${m.toFixed(0)} ns/op, Ajv (run-time compiled) ${a.toFixed(0)} ns/op, ratio Ajv/mcpgen ${(a / m).toFixed(2)}x`);
  }
}

await main();
