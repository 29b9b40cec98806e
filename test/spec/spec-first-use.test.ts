/**
 * Spec on first use: generate and lint fetch a missing pinned revision into
 * the cache once (from a loopback server, never the network), say so, and
 * check its pin; --offline forbids it; `--revision latest` is resolved.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specDir, tempDir } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [, mode, rev] = /^\/(\w+)\/([\w-]+)\/schema\.json$/.exec(req.url ?? '') ?? [];
    const path = rev ? join(specDir(), rev, 'schema.json') : '';
    if (!rev || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(path);
    if (mode === 'tampered') body[100] = body[100] === 0x61 ? 0x62 : 0x61;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const MANIFEST = 'revision: 2025-06-18\ntools:\n  - name: a\n    inputSchema: { type: object }\n';

describe('spec on first use', () => {
  it('generate fetches a missing pinned revision once, into the cache, and says so', async () => {
    const dir = writeFiles({ 'mcp.yaml': MANIFEST });
    const cache = tempDir();
    const env = { MCPGEN_SPEC_DIR: '', XDG_CACHE_HOME: cache, MCPGEN_SPEC_BASE_URL: `${base}/ok` };
    const before = requests.length;
    const first = await runCliAsync(['generate', '-m', 'mcp.yaml', '-o', 'out'], { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('info  spec/fetched  The schema of MCP revision 2025-06-18 was not found locally; fetched it into');
    expect(existsSync(join(cache, 'mcpgen', '2025-06-18', 'schema.json'))).toBe(true);
    expect(requests.slice(before)).toEqual(['/ok/2025-06-18/schema.json']);
    const second = await runCliAsync(['lint', 'mcp.yaml'], { cwd: dir, env });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('spec/fetched');
    expect(requests.length).toBe(before + 1);
  });

  it('lint fetches too; --offline forbids it; a mismatching download writes nothing', async () => {
    const dir = writeFiles({ 'mcp.yaml': MANIFEST });
    const cache = tempDir();
    const env = { MCPGEN_SPEC_DIR: '', XDG_CACHE_HOME: cache, MCPGEN_SPEC_BASE_URL: `${base}/ok` };
    const before = requests.length;
    const offline = await runCliAsync(['lint', 'mcp.yaml', '--offline'], { cwd: dir, env });
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('error  spec/missing');
    expect(offline.stderr).toContain('Offline: nothing is downloaded. Run `mcpgen spec pull 2025-06-18` when online');
    const offlineConfig = writeFiles({ 'mcp.yaml': MANIFEST, 'mcpgen.config.json': JSON.stringify({ offline: true, manifests: ['mcp.yaml'], targets: { out: { emit: ['manifest'] } } }) });
    expect((await runCliAsync(['generate'], { cwd: offlineConfig, env })).code).toBe(2);
    expect(requests.length).toBe(before);

    const tampered = await runCliAsync(['lint', 'mcp.yaml'], { cwd: dir, env: { ...env, MCPGEN_SPEC_BASE_URL: `${base}/tampered` } });
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toContain('error  spec/hash-mismatch');
    expect(existsSync(join(cache, 'mcpgen', '2025-06-18'))).toBe(false);

    const fetched = await runCliAsync(['lint', 'mcp.yaml', '--format', 'json'], { cwd: dir, env });
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('spec/fetched');
  });

  it('--revision latest means the newest released revision, never the draft, and is printed', async () => {
    const dir = writeFiles({ 'mcp.yaml': MANIFEST });
    const revisions = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'revisions.json'), 'utf8')).revisions as { id: string; status: string }[];
    const newest = revisions.filter((r) => r.status === 'final').at(-1)!.id;
    const r = await runCliAsync(['generate', '-m', 'mcp.yaml', '-o', 'out', '--revision', 'latest'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`--revision latest is ${newest}`);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).revision).toBe(newest);
    expect(newest).not.toBe('draft');
  });
});
