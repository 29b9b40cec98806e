/**
 * Generated server at run time: for a generated 100-tool server beside a hand-written SDK server with the same
 * tools (same run, interleaved), the time from process start to the first
 * `tools/list` answer and the per-call latency of `tools/call` over stdio.
 * Both sides run with the same validation: input and output validated on
 * every call (the SDK always validates a hand-written tool's structured
 * output; the generated server is run with MCPGEN_VALIDATE_OUTPUT=1, since
 * NODE_ENV=production alone would turn its output validation off).
 * Targets (issue 17): per call <= 1.05x and start-up <= 1.00x the hand-written server.
 *
 * Per call is measured in steady state: ${BENCH_CALLS:-300} calls after
 * ${BENCH_WARMUP:-2000}. In their first few hundred calls both servers still
 * run much of the call path in V8's baseline tiers and pay the first
 * scavenges of their start-up objects: their own CPU time per call (from
 * /proc/PID/schedstat) was about twice the steady one, so a window right
 * after start-up measured the warm-up more than the call. That window (after
 * 20 warm-up calls, as this bench measured per call before) is still printed
 * and recorded, as information.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { record } from './figures.js';
import { formatTable, median, ms, ratio } from './measure.js';
import { benchManifest, benchTools } from './server/bench-manifest.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'dist', 'generator', 'bin', 'mcpgen.cjs');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const handWritten = join(here, 'server', 'hand-written-server.js');

function generate(count: number, out: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-bench-manifest-'));
  writeFileSync(join(dir, 'mcp.json'), benchManifest(count));
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'generate', '--manifest', join(dir, 'mcp.json'), '--revision', '2025-11-25', '--emit', 'server', '--out', out], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`generate ${count} failed: ${r.stdout}${r.stderr}`);
  return elapsed;
}

interface Connected {
  client: Client;
  /** The server's process id, for its CPU time. */
  pid: number | null;
  startupMs: number;
}

async function connect(command: string, args: string[]): Promise<Connected> {
  const start = process.hrtime.bigint();
  const client = new Client({ name: 'bench', version: '1.0.0' });
  const env = { ...process.env, NODE_ENV: 'production', MCPGEN_VALIDATE_OUTPUT: '1' } as Record<string, string>;
  const transport = new StdioClientTransport({ command, args, stderr: 'ignore', env });
  await client.connect(transport);
  await client.listTools();
  return { client, pid: transport.pid, startupMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

/**
 * CPU time (user + system, ms) a process has used so far, on Linux (NaN
 * elsewhere). Printed beside the latency: on a shared machine the latency
 * of a round swings with the other load, the server's own CPU time much less.
 */
function cpuMs(pid: number | null): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
}

const CALL_ARGS = { query: 'weather stations', collection: 'stations', limit: 10, sort: 'newest', tags: [{ key: 'region', value: 'north' }] };

async function perCall(client: Client, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const r = await client.callTool({ name: 'tool_0_search_records', arguments: CALL_ARGS });
    if (r.isError) throw new Error(`call failed: ${JSON.stringify(r.content)}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / calls;
}

const FILLED_HANDLER = `import type { Tool0SearchRecordsHandler } from '../../generated/types.js';

export const handler: Tool0SearchRecordsHandler = async (input) => {
  const structured = { total: 1, items: [{ id: JSON.stringify(input).length.toString(), score: 1 }] };
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
};
`;

export async function run(): Promise<void> {
  // Generation at scale is the generate bench's; here only the 100-tool package to run.
  const pkg = mkdtempSync(join(tmpdir(), 'mcpgen-bench-server-100-'));
  console.log(`\ngenerated the 100-tool server in ${ms(generate(100, pkg))}`);

  writeFileSync(join(pkg, 'src', 'handlers', 'tools', 'tool0SearchRecords.ts'), FILLED_HANDLER);
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [tsc, '-p', join(pkg, 'tsconfig.json')], { encoding: 'utf8', timeout: 300_000 });
  if (built.status !== 0) throw new Error(`tsc failed: ${built.stdout}${built.stderr}`);

  const servers = [
    { label: 'hand-written SDK server', args: [handWritten, String(benchTools(100).length)] },
    { label: 'generated server', args: [join(pkg, 'dist', 'server.js'), '--stdio'] },
  ];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const calls = Number(process.env.BENCH_CALLS ?? 300);
  // Calls before the steady-state window (see the module comment): both servers
  // still cost about twice their steady CPU per call in their first few hundred.
  const warmup = Number(process.env.BENCH_WARMUP ?? 2000);
  const startup = servers.map(() => [] as number[]);
  const first = servers.map(() => ({ latency: [] as number[], cpu: [] as number[] }));
  const steady = servers.map(() => ({ latency: [] as number[], cpu: [] as number[] }));
  const window = async (client: Client, pid: number | null, into: { latency: number[]; cpu: number[] }) => {
    const cpuBefore = cpuMs(pid);
    into.latency.push(await perCall(client, calls));
    into.cpu.push(((cpuMs(pid) - cpuBefore) / calls) * 1000);
  };
  const us = (msValue: number) => `${(msValue * 1000).toFixed(0)} µs`;
  for (let round = 0; round < rounds; round++) {
    for (const [i, s] of servers.entries()) {
      const { client, pid, startupMs } = await connect(process.execPath, s.args);
      startup[i]!.push(startupMs);
      await perCall(client, 20);
      await window(client, pid, first[i]!);
      await perCall(client, Math.max(0, warmup - 20 - calls));
      await window(client, pid, steady[i]!);
      await client.close();
      console.log(
        `round ${round + 1} ${s.label}: start-up ${ms(startupMs)}; first calls ${us(first[i]!.latency.at(-1)!)} (server CPU ${first[i]!.cpu.at(-1)!.toFixed(0)} µs); steady ${us(steady[i]!.latency.at(-1)!)} (server CPU ${steady[i]!.cpu.at(-1)!.toFixed(0)} µs)`,
      );
    }
  }
  console.log(
    `\n## Generated vs hand-written server, 100 tools, stdio (median of ${rounds} interleaved rounds; ${calls} calls after 20 warm-up calls, then ${calls} after ${warmup}; inputs and outputs validated on both)\n`,
  );
  const cpuCell = (v: number[]) => (Number.isFinite(median(v)) ? `${median(v).toFixed(0)} µs` : 'n/a');
  console.log(
    formatTable(
      ['server', 'start to first tools/list', 'first calls', 'server CPU', 'steady per tools/call', 'server CPU'],
      servers.map((s, i) => [s.label, ms(median(startup[i]!)), us(median(first[i]!.latency)), cpuCell(first[i]!.cpu), us(median(steady[i]!.latency)), cpuCell(steady[i]!.cpu)]),
    ),
  );
  const callRatio = median(steady[1]!.latency) / median(steady[0]!.latency);
  const firstRatio = median(first[1]!.latency) / median(first[0]!.latency);
  const startRatio = median(startup[1]!) / median(startup[0]!);
  console.log(
    `\nstartup ratio: ${ratio(startRatio)} (target <= 1.00x): ${startRatio <= 1 ? 'met' : 'NOT MET'}; per-call ratio (steady): ${ratio(callRatio)} (target <= 1.05x): ${callRatio <= 1.05 ? 'met' : 'NOT MET'}; first calls after start-up: ${ratio(firstRatio)}`,
  );
  const cpuRatio = (w: typeof steady) => median(w[1]!.cpu) / median(w[0]!.cpu);
  if (Number.isFinite(cpuRatio(steady)))
    console.log(`server CPU per call ratio: steady ${ratio(cpuRatio(steady))}, first calls ${ratio(cpuRatio(first))} (for reading the latency figures on a loaded machine; the target is on latency)`);
  const command = 'BENCH_ONLY=server npm run bench';
  const baseline = (value: string) => `hand-written SDK server (same validation): ${value}`;
  record({
    figure: `generated server per tools/call, 100 tools, stdio, outputs validated (steady: ${calls} calls after ${warmup})`,
    value: us(median(steady[1]!.latency)),
    baseline: baseline(us(median(steady[0]!.latency))),
    ratio: callRatio,
    target: '<= 1.05x',
    met: callRatio <= 1.05,
    command,
  });
  record({
    figure: `generated server per tools/call, first ${calls} calls after start-up and 20 warm-up calls (information: the JIT warm-up)`,
    value: us(median(first[1]!.latency)),
    baseline: baseline(us(median(first[0]!.latency))),
    ratio: firstRatio,
    target: 'none',
    command,
  });
  record({
    figure: 'generated server start-up to first tools/list, 100 tools',
    value: ms(median(startup[1]!)),
    baseline: baseline(ms(median(startup[0]!))),
    ratio: startRatio,
    target: '<= 1.00x',
    met: startRatio <= 1,
    command,
  });
  rmSync(pkg, { recursive: true, force: true });
}
