/**
 * `--emit client`: for a client generated from the 100-tool bench manifest,
 * against one server (the hand-written SDK server of the server bench, in
 * process over the SDK's in-memory transport, which isolates the client's own
 * cost, and as a process over stdio; same run, rounds interleaved with the
 * order rotated):
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
import { Client, InMemoryTransport, type Transport } from '@modelcontextprotocol/client';
import { fromJsonSchema, McpServer } from '@modelcontextprotocol/server';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/client/validators/ajv';
import { record } from './figures.js';
import { formatTable, median, ratio } from './measure.js';
import { benchManifest, benchTools } from './server/bench-manifest.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'dist', 'generator', 'bin', 'mcpgen.cjs');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const server = { command: process.execPath, args: [join(here, 'server', 'hand-written-server.js'), '100'], stderr: 'ignore' as const };
const ARGS = { query: 'weather stations', collection: 'stations', limit: 10, sort: 'newest', tags: [{ key: 'region', value: 'north' }] };
const OUTPUT = { total: 1, items: [{ id: '42', score: 1 }] };

interface GeneratedClient {
  tool0SearchRecords(a: typeof ARGS): Promise<unknown>;
  close(): Promise<void>;
}
interface GeneratedModule {
  Bench100Client: { connectStdio(s: typeof server): Promise<GeneratedClient>; connect(t: Transport): Promise<GeneratedClient> };
}

/** The hand-written server's tools, in process (bench/server/hand-written-server.ts serves the same over stdio). */
async function inMemoryServer(): Promise<Transport> {
  const mcp = new McpServer({ name: 'hand-written', version: '1.0.0' });
  for (const tool of benchTools(100)) {
    mcp.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: fromJsonSchema(tool.inputSchema as never),
        ...(tool.outputSchema ? { outputSchema: fromJsonSchema(tool.outputSchema as never) } : {}),
      },
      async (input: unknown) => {
        const structured = { total: 1, items: [{ id: JSON.stringify(input).length.toString(), score: 1 }] };
        return { content: [{ type: 'text' as const, text: JSON.stringify(structured) }], structuredContent: structured };
      },
    );
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await mcp.connect(serverSide);
  return clientSide;
}

type Variant = { label: string; calls: (transport: () => Promise<Transport>) => Promise<{ call: () => Promise<unknown>; close: () => Promise<void> }> };

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
  // 15 interleaved rounds: with 6, the stdio ratio of unchanged generated code ranged from 0.94x to 1.06x between runs.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
  const variants: Variant[] = [
    {
      label: 'bare client.callTool',
      calls: async (t) => {
        const c = new Client({ name: 'bench', version: '1.0.0' });
        await c.connect(await t());
        return { call: () => c.callTool({ name: 'tool_0_search_records', arguments: ARGS }), close: () => c.close() };
      },
    },
    {
      label: 'client.callTool after listTools (SDK validates output)',
      calls: async (t) => {
        const c = new Client({ name: 'bench', version: '1.0.0' });
        await c.connect(await t());
        await c.listTools();
        return { call: () => c.callTool({ name: 'tool_0_search_records', arguments: ARGS }), close: () => c.close() };
      },
    },
    {
      label: 'generated client method',
      calls: async (t) => {
        const g = await mod.Bench100Client.connect(await t());
        return { call: () => g.tool0SearchRecords(ARGS), close: () => g.close() };
      },
    },
  ];
  const transports = [
    { label: 'in-memory transport (client cost isolated)', make: inMemoryServer, calls: Number(process.env.BENCH_CALLS ?? 2000) },
    { label: 'stdio, server process', make: async () => new StdioClientTransport(server), calls: Number(process.env.BENCH_STDIO_CALLS ?? 300) },
  ];
  for (const transport of transports) {
    const samples: number[][] = variants.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (round + k) % variants.length; // rotate the order: no variant always runs first
        const v = await variants[i]!.calls(transport.make);
        samples[i]!.push(await timeCalls(transport.calls, v.call));
        await v.close();
      }
    }
    console.log(`\n## Per-call time, ${transport.label}, same server (median of ${rounds} rounds, ${transport.calls} calls each)\n`);
    console.log(
      formatTable(
        ['client', 'per tools/call', 'vs bare callTool'],
        variants.map((v, i) => [v.label, `${median(samples[i]!).toFixed(0)} µs`, ratio(median(samples[i]!) / median(samples[0]!))]),
      ),
    );
    const generated = median(samples[2]!) / median(samples[0]!);
    console.log(`\ngenerated client per call, ${transport.label}: ${ratio(generated)} bare callTool (target <= 1.05x): ${generated <= 1.05 ? 'met' : 'NOT MET'}`);
    record({
      figure: `generated client per tools/call, ${transport.label}`,
      value: `${median(samples[2]!).toFixed(0)} µs`,
      baseline: `bare SDK client.callTool: ${median(samples[0]!).toFixed(0)} µs`,
      ratio: generated,
      target: '<= 1.05x',
      met: generated <= 1.05,
      command: 'BENCH_ONLY=client npm run bench',
    });
  }

  // Validation alone, in process: the same output schema and value.
  const schema = benchTools(1)[0]!.outputSchema!;
  const { validators } = (await import(pathToFileURL(join(out, 'dist', 'generated', 'validators', 'index.js')).href)) as { validators: Record<string, (d: unknown) => boolean> };
  const precompiled = validators.tool0SearchRecordsOutput!;
  const sdk = new AjvJsonSchemaValidator();
  const compileStart = process.hrtime.bigint();
  const sdkValidate = sdk.getValidator(schema as never);
  const compileUs = Number(process.hrtime.bigint() - compileStart) / 1e3;
  // Interleaved rounds, order rotated, median: one JIT-warm function per variant.
  const checks: [string, () => void, number][] = [
    ['precompiled validator (generated client)', () => void precompiled(OUTPUT), 200_000],
    ['SDK default validator, compiled once', () => void sdkValidate(OUTPUT), 200_000],
    ['SDK default, getValidator + validate per call', () => void sdk.getValidator(schema as never)(OUTPUT), 20_000],
  ];
  const times: number[][] = checks.map(() => []);
  for (let round = 0; round < 7; round++) {
    for (let k = 0; k < checks.length; k++) {
      const i = (round + k) % checks.length;
      times[i]!.push(timeSync(checks[i]![2], checks[i]![1]));
    }
  }
  const rows = checks.map(([label], i) => [label, median(times[i]!)] as const);
  console.log('\n## Output validation, in process (ns per validation)\n');
  console.log(formatTable(['validator', 'per validation', 'vs precompiled'], rows.map(([l, v]) => [l, `${v.toFixed(0)} ns`, ratio(v / rows[0][1])])));
  console.log(`\nSDK default validator: first getValidator (schema compile at run time) ${compileUs.toFixed(0)} µs; the generated client compiles nothing at run time.`);
  rmSync(dir, { recursive: true, force: true });
}
