/**
 * `--emit client`: for a client generated from the 100-tool bench manifest,
 * against one server program (the hand-written SDK server of the server
 * bench, over stdio, same run, interleaved rounds):
 * - per-call time of the generated method (arguments checked, tool
 *   definition passed, output checked by the precompiled validator) vs a
 *   bare `client.callTool` (no listTools: the SDK validates nothing) and vs
 *   `client.callTool` after `listTools` (the SDK validates output with its
 *   default Ajv validator);
 * - in-process validation cost: the precompiled output validator vs the
 *   SDK's default validator (compiled once, then per call; and the per-call
 *   `getValidator` the SDK makes for a `toolDefinition`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/client/validators/ajv';
import { formatTable, median, ratio } from './measure.js';
import { benchManifest, benchTools } from './server/bench-manifest.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'dist', 'generator', 'cli', 'bin.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const server = { command: process.execPath, args: [join(here, 'server', 'hand-written-server.js'), '100'], stderr: 'ignore' as const };
const ARGS = { query: 'weather stations', collection: 'stations', limit: 10, sort: 'newest', tags: [{ key: 'region', value: 'north' }] };
const OUTPUT = { total: 1, items: [{ id: '42', score: 1 }] };

interface GeneratedModule {
  Bench100Client: { connectStdio(s: typeof server): Promise<{ tool0SearchRecords(a: typeof ARGS): Promise<unknown>; close(): Promise<void> }> };
}

function buildClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-bench-client-'));
  writeFileSync(join(dir, 'mcp.json'), benchManifest(100));
  const out = join(dir, 'client');
  const g = spawnSync(process.execPath, [bin, 'generate', '--manifest', join(dir, 'mcp.json'), '--revision', '2025-11-25', '--emit', 'client', '--out', out], { encoding: 'utf8' });
  if (g.status !== 0) throw new Error(`generate failed: ${g.stdout}${g.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  const t = spawnSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json')], { encoding: 'utf8', timeout: 300_000 });
  if (t.status !== 0) throw new Error(`tsc failed: ${t.stdout}${t.stderr}`);
  return dir;
}

async function timeCalls(calls: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await call(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  return Number(process.hrtime.bigint() - start) / 1e3 / calls; // µs
}

function timeSync(iterations: number, fn: () => void): number {
  for (let i = 0; i < 1000; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations; // ns
}

export async function run(): Promise<void> {
  const dir = buildClient();
  const out = join(dir, 'client');
  const mod = (await import(pathToFileURL(join(out, 'dist', 'index.js')).href)) as GeneratedModule;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const calls = Number(process.env.BENCH_CALLS ?? 300);
  const labels = ['bare client.callTool', 'client.callTool after listTools (SDK validates)', 'generated client method'];
  const samples: number[][] = labels.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const bare = new Client({ name: 'bench', version: '1.0.0' });
    await bare.connect(new StdioClientTransport(server));
    samples[0]!.push(await timeCalls(calls, () => bare.callTool({ name: 'tool_0_search_records', arguments: ARGS })));
    await bare.listTools();
    samples[1]!.push(await timeCalls(calls, () => bare.callTool({ name: 'tool_0_search_records', arguments: ARGS })));
    await bare.close();
    const generated = await mod.Bench100Client.connectStdio(server);
    samples[2]!.push(await timeCalls(calls, () => generated.tool0SearchRecords(ARGS)));
    await generated.close();
  }
  console.log(`\n## Per-call time over stdio, same server (median of ${rounds} rounds, ${calls} calls each)\n`);
  console.log(formatTable(['client', 'per tools/call', 'vs bare callTool'], labels.map((l, i) => [l, `${median(samples[i]!).toFixed(0)} µs`, ratio(median(samples[i]!) / median(samples[0]!))])));

  // Validation alone, in process: the same output schema and value.
  const schema = benchTools(1)[0]!.outputSchema!;
  const { validators } = (await import(pathToFileURL(join(out, 'dist', 'generated', 'validators', 'index.js')).href)) as { validators: Record<string, (d: unknown) => boolean> };
  const precompiled = validators.tool0SearchRecordsOutput!;
  const sdk = new AjvJsonSchemaValidator();
  const compileStart = process.hrtime.bigint();
  const sdkValidate = sdk.getValidator(schema as never);
  const compileUs = Number(process.hrtime.bigint() - compileStart) / 1e3;
  const n = 200_000;
  const rows = [
    ['precompiled validator (generated client)', timeSync(n, () => void precompiled(OUTPUT))],
    ['SDK default validator, compiled once', timeSync(n, () => void sdkValidate(OUTPUT))],
    ['SDK default, getValidator + validate per call', timeSync(n / 10, () => void sdk.getValidator(schema as never)(OUTPUT))],
  ] as const;
  console.log('\n## Output validation, in process (ns per validation)\n');
  console.log(formatTable(['validator', 'per validation', 'vs precompiled'], rows.map(([l, v]) => [l, `${v.toFixed(0)} ns`, ratio(v / rows[0][1])])));
  console.log(`\nSDK default validator: first getValidator (schema compile at run time) ${compileUs.toFixed(0)} µs; the generated client compiles nothing at run time.`);
  rmSync(dir, { recursive: true, force: true });
}
