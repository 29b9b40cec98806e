/**
 * `spec pull` against a real HTTP server on loopback that serves the official
 * files, a tampered file, a 404 and a connection closed mid-body.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullSpecs } from '../../generator/spec/pull-spec.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { specDir, tempDir } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, mode, rev] = /^\/(\w+)\/([\w-]+)\/schema\.json$/.exec(req.url ?? '') ?? [];
    if (mode === 'endless') {
      // A body that never ends: the client must stop at its cap, not buffer gigabytes.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
      return;
    }
    if (mode === 'huge') {
      // Announces 3 GiB; sends almost nothing.
      res.writeHead(200, { 'content-length': String(3 * 1024 ** 3) });
      res.write('{');
      return;
    }
    if (mode === 'silent') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{'); // then nothing, forever
      return;
    }
    const path = rev ? join(specDir(), rev, 'schema.json') : '';
    if (!rev || !existsSync(path) || mode === 'missing') {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(path);
    if (mode === 'tampered') {
      body[100] = body[100] === 0x61 ? 0x62 : 0x61;
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (mode === 'cut') {
      // Promise the whole file, send half, then drop the connection.
      res.writeHead(200, { 'content-length': String(body.length) });
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

describe('mcpgen spec pull', () => {
  it('downloads pinned files into the cache, where loadSpec finds them', async () => {
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const result = await pullSpecs({ revisions: ['2025-06-18', 'draft'], baseUrl: `${base}/ok`, env });
    expect(result.diagnostics).toEqual([]);
    expect(result.written.map((w) => w.revision)).toEqual(['2025-06-18', 'draft']);
    const spec = loadSpec('2025-06-18', { env });
    expect(spec.origin).toBe('cache');
    expect(spec.pin).toBe('match');
  });

  it('refuses a tampered file and writes nothing', async () => {
    const cache = tempDir();
    const result = await pullSpecs({ revisions: ['2025-11-25'], baseUrl: `${base}/tampered`, env: { XDG_CACHE_HOME: cache } });
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['spec/hash-mismatch']);
    expect(existsSync(join(cache, 'mcpgen', '2025-11-25'))).toBe(false);
  });

  it('reports a 404 and writes nothing', async () => {
    const cache = tempDir();
    const result = await pullSpecs({ revisions: ['2024-11-05'], baseUrl: `${base}/missing`, env: { XDG_CACHE_HOME: cache } });
    expect(result.diagnostics[0]!.message).toContain('HTTP 404');
    expect(existsSync(join(cache, 'mcpgen', '2024-11-05'))).toBe(false);
  });

  it('reports a connection closed mid-body and writes nothing', async () => {
    const cache = tempDir();
    const result = await pullSpecs({ revisions: ['2024-11-05'], baseUrl: `${base}/cut`, env: { XDG_CACHE_HOME: cache } });
    expect(result.written).toEqual([]);
    expect(result.diagnostics[0]!.code).toBe('spec/download-failed');
    expect(existsSync(join(cache, 'mcpgen', '2024-11-05'))).toBe(false);
  });

  it('keeps a good cached file when a later pull is tampered', async () => {
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    await pullSpecs({ revisions: ['2025-03-26'], baseUrl: `${base}/ok`, env });
    const before = readFileSync(join(cache, 'mcpgen', '2025-03-26', 'schema.json'));
    await pullSpecs({ revisions: ['2025-03-26'], baseUrl: `${base}/tampered`, env });
    expect(readFileSync(join(cache, 'mcpgen', '2025-03-26', 'schema.json')).equals(before)).toBe(true);
  });

  it('stops an endless body at the size cap and writes nothing', async () => {
    const cache = tempDir();
    const result = await pullSpecs({ revisions: ['2024-11-05'], baseUrl: `${base}/endless`, env: { XDG_CACHE_HOME: cache }, maxBytes: 2 * 1024 * 1024 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['spec/too-large']);
    expect(existsSync(join(cache, 'mcpgen', '2024-11-05'))).toBe(false);
  });

  it('refuses an announced 3 GiB body before reading it', async () => {
    const result = await pullSpecs({ revisions: ['2024-11-05'], baseUrl: `${base}/huge`, env: { XDG_CACHE_HOME: tempDir() } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['spec/too-large']);
    expect(result.diagnostics[0]!.message).toContain('3221225472');
  });

  it('gives up a stalled download after --timeout and exits 2 with a diagnostic', async () => {
    const run = await runCliAsync(['spec', 'pull', '2024-11-05', '--timeout', '1', '--base-url', `${base}/silent`], { env: { XDG_CACHE_HOME: tempDir() } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/download-failed');
    expect(run.stderr).toContain('within 1 s');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('works from the CLI with MCPGEN_SPEC_BASE_URL and exits 2 on failure', async () => {
    const cache = tempDir();
    const ok = await runCliAsync(['spec', 'pull', '2025-11-25'], { env: { XDG_CACHE_HOME: cache, MCPGEN_SPEC_BASE_URL: `${base}/ok` } });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('wrote');
    const bad = await runCliAsync(['spec', 'pull', '2025-11-25', '--base-url', `${base}/tampered`], { env: { XDG_CACHE_HOME: tempDir() } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('spec/hash-mismatch');
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
