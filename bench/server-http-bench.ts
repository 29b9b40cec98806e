/**
 * HTTP load: a generated 100-tool server with auth (required scope, a tool
 * scope, sessions bound to principals, exact Origin checks, guarded
 * handlers) beside a hand-written SDK server with the same auth and
 * validation (bench/server/hand-written-http-server.ts), same run,
 * interleaved rounds. Each round: CLIENTS official clients, one session each,
 * CALLS `tools/call` each, concurrently; the figure is calls per second.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { formatTable, median, ratio } from './measure.js';
import { BENCH_TOKEN, benchManifestWithAuth, benchTools } from './server/bench-manifest.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'dist', 'generator', 'bin', 'mcpgen.cjs');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const handWritten = join(here, 'server', 'hand-written-http-server.js');

const FILLED_HANDLER = `import type { Tool0SearchRecordsHandler } from '../../generated/types.js';

export const handler: Tool0SearchRecordsHandler = async (input) => {
  const structured = { total: 1, items: [{ id: JSON.stringify(input).length.toString(), score: 1 }] };
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
};
`;

const AUTH = `import type { Principal } from './generated/http.js';

export async function verifyToken(token: string): Promise<Principal | undefined> {
  return token === ${JSON.stringify(BENCH_TOKEN)} ? { subject: 'bench', scopes: ['mcp', 'records:read'], expiresAt: Math.floor(Date.now() / 1000) + 3600 } : undefined;
}
`;

const CALL_ARGS = { query: 'weather stations', collection: 'stations', limit: 10, sort: 'newest', tags: [{ key: 'region', value: 'north' }] };

function buildGenerated(): string {
  const src = mkdtempSync(join(tmpdir(), 'mcpgen-bench-http-manifest-'));
  const out = mkdtempSync(join(tmpdir(), 'mcpgen-bench-http-'));
  writeFileSync(join(src, 'mcp.json'), benchManifestWithAuth(100));
  const r = spawnSync(process.execPath, [bin, 'generate', '--manifest', join(src, 'mcp.json'), '--revision', '2025-11-25', '--emit', 'server', '--out', out], { encoding: 'utf8', timeout: 300_000 });
  rmSync(src, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`generate failed: ${r.stdout}${r.stderr}`);
  writeFileSync(join(out, 'src', 'handlers', 'tools', 'tool0SearchRecords.ts'), FILLED_HANDLER);
  writeFileSync(join(out, 'src', 'auth.ts'), AUTH);
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json')], { encoding: 'utf8', timeout: 300_000 });
  if (built.status !== 0) throw new Error(`tsc failed: ${built.stdout}${built.stderr}`);
  return out;
}

function start(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 10 s: ${stderr}`)), 10_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
}

async function load(url: string, clients: number, calls: number): Promise<number> {
  const connected = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ name: 'bench', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${BENCH_TOKEN}` } } }));
      for (let i = 0; i < 10; i++) await client.callTool({ name: 'tool_0_search_records', arguments: CALL_ARGS }); // warm-up
      return client;
    }),
  );
  const started = performance.now();
  await Promise.all(
    connected.map(async (client) => {
      for (let i = 0; i < calls; i++) {
        const r = await client.callTool({ name: 'tool_0_search_records', arguments: CALL_ARGS });
        if (r.isError) throw new Error(`call failed: ${JSON.stringify(r.content)}`);
      }
    }),
  );
  const perSecond = (clients * calls) / ((performance.now() - started) / 1000);
  await Promise.all(connected.map((c) => c.close()));
  return perSecond;
}

export async function run(): Promise<void> {
  const pkg = buildGenerated();
  const servers = [
    { label: 'hand-written SDK server (same auth + validation)', args: [handWritten, String(benchTools(100).length)] },
    { label: 'generated server', args: [join(pkg, 'dist', 'server.js'), '--port', '0'] },
  ];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const clients = Number(process.env.BENCH_HTTP_CLIENTS ?? 8);
  const calls = Number(process.env.BENCH_HTTP_CALLS ?? 60);
  const rates = servers.map(() => [] as number[]);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, s] of servers.entries()) {
        const { url, child } = await start(s.args);
        try {
          rates[i]!.push(await load(url, clients, calls));
        } finally {
          child.kill('SIGKILL');
        }
      }
    }
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
  console.log(`\n## HTTP load, 100 tools, bearer auth (median of ${rounds} interleaved rounds; ${clients} clients x ${calls} tools/call)\n`);
  console.log(formatTable(['server', 'tools/call per second'], servers.map((s, i) => [s.label, median(rates[i]!).toFixed(0)])));
  console.log(`\ngenerated / hand-written throughput: ${ratio(median(rates[1]!) / median(rates[0]!))}`);
}
