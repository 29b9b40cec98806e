/**
 * The generated HTTP server under attack, as a real deployment would be: a
 * second token holder, expired tokens, missing scopes, a session flood, a
 * page on another local port, hostile bodies, a throwing handler, SIGTERM
 * with clients attached. One manifest with an auth section, generated,
 * compiled and run as real processes; every request is real HTTP.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/run-process.js';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules, runStdio, startHttpServer, type RunningServer } from './server-package.js';

const manifest = {
  revision: '2025-11-25',
  server: { name: 'secure', version: '1.0.0' },
  tools: [
    { name: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false } },
    { name: 'admin_reset', inputSchema: { type: 'object', additionalProperties: false } },
    { name: 'crash', inputSchema: { type: 'object', additionalProperties: false } },
    { name: 'refuse', inputSchema: { type: 'object', additionalProperties: false } },
    { name: 'slow', inputSchema: { type: 'object', properties: { ms: { type: 'integer' } }, required: ['ms'], additionalProperties: false } },
  ],
  resources: [
    { uri: 'secure://lobby', name: 'lobby' },
    { uri: 'secure://secret', name: 'secret' },
  ],
  resourceTemplates: [{ uriTemplate: 'secure://vault/{id}', name: 'vault' }],
  prompts: [{ name: 'greet' }, { name: 'confidential' }],
  auth: {
    resource: 'https://secure.example.com/mcp',
    authorizationServers: ['https://auth.example.com'],
    scopes: ['mcp', 'admin', 'secrets'],
    requiredScopes: ['mcp'],
    toolScopes: { admin_reset: ['admin'] },
    resourceScopes: { 'secure://secret': ['secrets'], vault: ['secrets'] },
    promptScopes: { confidential: ['secrets'] },
  },
};

/**
 * Tokens: alice and bob hold every scope; carol only `mcp`; dave none;
 * `exp-<seconds>-<subject>` belongs to <subject> and expires at <seconds>.
 */
const AUTH_TS = `import type { Principal } from './generated/http.js';

const ALL = ['mcp', 'admin', 'secrets'];

export async function verifyToken(token: string): Promise<Principal | undefined> {
  if (token === 'alice' || token === 'bob') return { subject: token, scopes: ALL };
  if (token === 'carol') return { subject: 'carol', scopes: ['mcp'] };
  if (token === 'dave') return { subject: 'dave', scopes: [] };
  const m = /^exp-(\\d+)-(\\w+)$/.exec(token);
  if (m) return { subject: m[2]!, scopes: ALL, expiresAt: Number(m[1]) };
  return undefined;
}
`;

const HANDLERS: Record<string, string> = {
  'tools/echo.ts': `import type { EchoHandler } from '../../generated/types.js';
export const handler: EchoHandler = async (input) => ({ content: [{ type: 'text', text: JSON.stringify(input) + ':' + String((input as unknown as Record<string, unknown>).admin) }] });
`,
  'tools/adminReset.ts': `import type { AdminResetHandler } from '../../generated/types.js';
export const handler: AdminResetHandler = async () => ({ content: [{ type: 'text', text: 'reset' }] });
`,
  'tools/crash.ts': `import type { CrashHandler } from '../../generated/types.js';
export const handler: CrashHandler = async () => {
  throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db.internal:5432');
};
`,
  'tools/refuse.ts': `import { ToolError } from '../../generated/errors.js';
import type { RefuseHandler } from '../../generated/types.js';
export const handler: RefuseHandler = async () => {
  throw new ToolError('Quota exceeded for this month');
};
`,
  'tools/slow.ts': `import type { SlowHandler } from '../../generated/types.js';
export const handler: SlowHandler = async (input) => {
  await new Promise((resolve) => setTimeout(resolve, input.ms));
  return { content: [{ type: 'text', text: 'done' }] };
};
`,
  'resources/lobby.ts': `import type { LobbyHandler } from '../../generated/types.js';
export const handler: LobbyHandler = async (uri) => ({ contents: [{ uri: uri.href, text: 'public' }] });
`,
  'resources/secret.ts': `import type { SecretHandler } from '../../generated/types.js';
export const handler: SecretHandler = async (uri) => ({ contents: [{ uri: uri.href, text: 'secret' }] });
`,
  'templates/vault.ts': `import type { VaultHandler } from '../../generated/types.js';
export const handler: VaultHandler = async (uri) => ({ contents: [{ uri: uri.href, text: 'vault' }] });
`,
  'prompts/greet.ts': `import type { GreetHandler } from '../../generated/types.js';
export const handler: GreetHandler = async () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }] });
`,
  'prompts/confidential.ts': `import type { ConfidentialHandler } from '../../generated/types.js';
export const handler: ConfidentialHandler = async () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'classified' } }] });
`,
};

const ACCEPT = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Answer {
  status: number;
  headers: Headers;
  /** The JSON body, or the first JSON-RPC message of an SSE body. */
  json: Record<string, unknown> | undefined;
}

async function send(url: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<Answer> {
  const r = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { ...ACCEPT, ...init.headers },
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = r.status === 204 ? '' : await r.text();
  let json: Record<string, unknown> | undefined;
  if ((r.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const data = text.split('\n').find((l) => l.startsWith('data: '));
    json = data ? (JSON.parse(data.slice(6)) as Record<string, unknown>) : undefined;
  } else if (text) json = JSON.parse(text) as Record<string, unknown>;
  return { status: r.status, headers: r.headers, json };
}

const initialize = (id = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'attacker', version: '1' } },
});

async function openSession(url: string, token: string): Promise<string> {
  const r = await send(url, { body: initialize(), headers: bearer(token) });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const id = r.headers.get('mcp-session-id')!;
  await send(url, { body: { jsonrpc: '2.0', method: 'notifications/initialized' }, headers: { ...bearer(token), 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-11-25' } });
  return id;
}

function inSession(token: string, session: string): Record<string, string> {
  return { ...bearer(token), 'Mcp-Session-Id': session, 'MCP-Protocol-Version': '2025-11-25' };
}

const call = (name: string, args: Record<string, unknown> = {}, id = 2) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
const resultText = (a: Answer) => JSON.stringify((a.json?.result as { content?: unknown })?.content ?? a.json);

describe('generated server under attack (HTTP, 2025-11-25, with auth)', () => {
  let dir: string;
  let http: RunningServer;
  let url: string;

  beforeAll(async () => {
    const src = writeFiles({ 'mcp.json': JSON.stringify(manifest) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    writeFileSync(join(dir, 'src', 'auth.ts'), AUTH_TS);
    for (const [file, text] of Object.entries(HANDLERS)) writeFileSync(join(dir, 'src', 'handlers', file), text);
    buildPackages(dir);
    http = await startHttpServer(dir, { MCP_ALLOWED_ORIGINS: 'http://localhost:5173' });
    url = http.url;
  }, 180_000);

  afterAll(async () => {
    await http?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('1. principals', () => {
    it("refuses another principal's session id on POST, GET and DELETE with 404, and keeps it for its owner", async () => {
      const session = await openSession(url, 'alice');
      const list = { jsonrpc: '2.0', id: 5, method: 'tools/list' };
      expect((await send(url, { body: list, headers: inSession('bob', session) })).status).toBe(404);
      expect((await send(url, { method: 'GET', headers: inSession('bob', session) })).status).toBe(404);
      expect((await send(url, { method: 'DELETE', headers: inSession('bob', session) })).status).toBe(404);
      const own = await send(url, { body: list, headers: inSession('alice', session) });
      expect(own.status).toBe(200);
      expect((own.json?.result as { tools: unknown[] }).tools).toHaveLength(5);
    });

    it('refuses an expired token, even inside a live session of the same principal', async () => {
      const now = Math.floor(Date.now() / 1000);
      const session = await openSession(url, `exp-${now + 600}-erin`);
      const expired = await send(url, { body: call('echo', { text: 'x' }), headers: inSession(`exp-${now - 1}-erin`, session) });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const fresh = await send(url, { body: call('echo', { text: 'x' }), headers: inSession(`exp-${now + 600}-erin`, session) });
      expect(fresh.status).toBe(200);
    });
  });

  describe('2. scopes and challenges', () => {
    const metadata = 'resource_metadata="https://secure.example.com/.well-known/oauth-protected-resource/mcp"';

    it('answers 401 without a token with no error code, the scope to request and the metadata URL', async () => {
      const r = await send(url, { body: initialize() });
      expect(r.status).toBe(401);
      const challenge = r.headers.get('www-authenticate')!;
      expect(challenge).not.toContain('error=');
      expect(challenge).toContain('scope="mcp"');
      expect(challenge).toContain(metadata);
    });

    it('answers 401 invalid_token, with scope and metadata, to a bad token', async () => {
      const r = await send(url, { body: initialize(), headers: bearer('mallory') });
      expect(r.status).toBe(401);
      const challenge = r.headers.get('www-authenticate')!;
      expect(challenge).toMatch(/^Bearer error="invalid_token"/);
      expect(challenge).toContain('scope="mcp"');
      expect(challenge).toContain(metadata);
    });

    it('answers 403 insufficient_scope to a token without requiredScopes', async () => {
      const r = await send(url, { body: initialize(), headers: bearer('dave') });
      expect(r.status).toBe(403);
      expect(r.headers.get('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="mcp", ${metadata}`);
    });

    it('enforces tool, resource, template and prompt scopes with 403 insufficient_scope naming them', async () => {
      const session = await openSession(url, 'carol');
      const h = inSession('carol', session);
      const refused = [
        [call('admin_reset'), 'admin'],
        [{ jsonrpc: '2.0', id: 3, method: 'resources/read', params: { uri: 'secure://secret' } }, 'secrets'],
        [{ jsonrpc: '2.0', id: 4, method: 'resources/read', params: { uri: 'secure://vault/42' } }, 'secrets'],
        [{ jsonrpc: '2.0', id: 5, method: 'prompts/get', params: { name: 'confidential' } }, 'secrets'],
      ] as const;
      for (const [body, scope] of refused) {
        const r = await send(url, { body, headers: h });
        expect(r.status, JSON.stringify(body)).toBe(403);
        expect(r.headers.get('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="${scope}", ${metadata}`);
      }
      const allowed = [
        call('echo', { text: 'hi' }),
        { jsonrpc: '2.0', id: 6, method: 'resources/read', params: { uri: 'secure://lobby' } },
        { jsonrpc: '2.0', id: 7, method: 'prompts/get', params: { name: 'greet' } },
      ];
      for (const body of allowed) {
        const r = await send(url, { body, headers: h });
        expect(r.status, JSON.stringify(body)).toBe(200);
        expect(r.json?.result, JSON.stringify(r.json)).toBeDefined();
      }
      const alice = await openSession(url, 'alice');
      const read = await send(url, { body: { jsonrpc: '2.0', id: 8, method: 'resources/read', params: { uri: 'secure://vault/42' } }, headers: inSession('alice', alice) });
      expect(JSON.stringify(read.json?.result)).toContain('vault');
    });

    it('publishes the configured public URL (MCP_PUBLIC_URL) as the protected resource', async () => {
      const behindProxy = await startHttpServer(dir, { MCP_PUBLIC_URL: 'https://proxy.example.com/tenant/mcp' });
      try {
        const origin = new URL(behindProxy.url).origin;
        const doc = await fetch(`${origin}/.well-known/oauth-protected-resource/tenant/mcp`, { signal: AbortSignal.timeout(5000) });
        expect(doc.status).toBe(200);
        expect(await doc.json()).toMatchObject({ resource: 'https://proxy.example.com/tenant/mcp', authorization_servers: ['https://auth.example.com'] });
        const r = await send(behindProxy.url, { body: initialize() });
        expect(r.headers.get('www-authenticate')).toContain('resource_metadata="https://proxy.example.com/.well-known/oauth-protected-resource/tenant/mcp"');
      } finally {
        await behindProxy.stop();
      }
    });
  });

  describe('6. errors that do not leak', () => {
    it("logs a handler's error with its stack and an id; the client gets only the id", async () => {
      const session = await openSession(url, 'alice');
      const r = await send(url, { body: call('crash'), headers: inSession('alice', session) });
      const result = r.json?.result as { isError?: boolean; content: { text: string }[] };
      expect(result.isError).toBe(true);
      const text = result.content[0]!.text;
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('ECONNREFUSED');
      const id = /reference ([0-9a-f]{8})/.exec(text)?.[1];
      expect(id, text).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const log = http.stderr();
      expect(log).toContain(`error ${id}`);
      expect(log).toContain('hunter2');
      expect(log).toMatch(/\n\s+at /); // the stack
    });

    it("passes a ToolError's message to the client", async () => {
      const session = await openSession(url, 'alice');
      const r = await send(url, { body: call('refuse'), headers: inSession('alice', session) });
      expect(r.json?.result).toEqual({ isError: true, content: [{ type: 'text', text: 'Quota exceeded for this month' }] });
    });
  });

  describe('4. origins and CORS', () => {
    it('refuses a page on another localhost port and accepts the server\'s own origin', async () => {
      const port = new URL(url).port;
      const other = await send(url, { body: initialize(), headers: { ...bearer('alice'), Origin: `http://localhost:${Number(port) + 1}` } });
      expect(other.status).toBe(403);
      const https = await send(url, { body: initialize(), headers: { ...bearer('alice'), Origin: `https://127.0.0.1:${port}` } });
      expect(https.status).toBe(403);
      const own = await send(url, { body: initialize(), headers: { ...bearer('alice'), Origin: `http://127.0.0.1:${port}` } });
      expect(own.status).toBe(200);
    });

    it('answers the preflight of an allowed origin before auth, with the Streamable HTTP headers', async () => {
      const r = await send(url, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, mcp-session-id, mcp-protocol-version' },
      });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const allowed = r.headers.get('access-control-allow-headers')!.toLowerCase();
      for (const h of ['mcp-session-id', 'mcp-protocol-version', 'authorization', 'last-event-id']) expect(allowed).toContain(h);
      const exposed = r.headers.get('access-control-expose-headers')!.toLowerCase();
      for (const h of ['mcp-session-id', 'mcp-protocol-version']) expect(exposed).toContain(h);
      expect(r.headers.get('access-control-allow-methods')).toContain('DELETE');

      const post = await send(url, { body: initialize(), headers: { ...bearer('alice'), Origin: 'http://localhost:5173' } });
      expect(post.status).toBe(200);
      expect(post.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(post.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id');

      const evil = await send(url, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5174', 'Access-Control-Request-Method': 'POST' } });
      expect(evil.status).toBe(403);
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('4. a real browser (Debian chromium, headless)', () => {
    const CHROMIUM = '/usr/bin/chromium';
    const page = (mcp: string) => `<!doctype html><body>waiting<script>
(async () => {
  const out = {};
  const base = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: 'Bearer alice' };
  try {
    const r = await fetch(${JSON.stringify(mcp)}, { method: 'POST', headers: base, body: JSON.stringify(${JSON.stringify(initialize())}) });
    out.status = r.status; out.session = r.headers.get('mcp-session-id'); await r.text();
    const r2 = await fetch(${JSON.stringify(mcp)}, { method: 'POST', headers: { ...base, 'Mcp-Session-Id': out.session, 'MCP-Protocol-Version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
    out.listStatus = r2.status; out.listed = (await r2.text()).includes('"echo"');
  } catch (e) { out.error = String(e); }
  document.body.textContent = 'RESULT:' + JSON.stringify(out);
})();
</script></body>`;

    /** Serves the page from its own origin and lets chromium run it; returns what the page found. */
    async function runPage(mcp: string, pageServer: Server): Promise<Record<string, unknown>> {
      pageServer.removeAllListeners('request');
      pageServer.on('request', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(mcp)));
      const port = (pageServer.address() as { port: number }).port;
      const profile = mkdtempSync(join(tmpdir(), 'mcpgen-chromium-'));
      try {
        const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
          `--user-data-dir=${profile}`, '--virtual-time-budget=15000', '--dump-dom', `http://localhost:${port}/`];
        const dom = (await runProcess(CHROMIUM, args, { timeoutMs: 60_000 })).stdout;
        const m = /RESULT:(\{.*?\})<\/body>/s.exec(dom);
        if (!m) throw new Error(`no result in the page: ${dom.slice(0, 500)}`);
        return JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, unknown>;
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }

    it.skipIf(!existsSync(CHROMIUM))('lets a page on an allowed origin open a session (preflight, auth, session header) and blocks another port', async () => {
      const allowedPage = createServer();
      const otherPage = createServer();
      await Promise.all([allowedPage, otherPage].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
      const allowedOrigin = `http://localhost:${(allowedPage.address() as { port: number }).port}`;
      const server = await startHttpServer(dir, { MCP_ALLOWED_ORIGINS: allowedOrigin });
      try {
        const mcp = server.url.replace('127.0.0.1', 'localhost');
        const ok = await runPage(mcp, allowedPage);
        expect(ok, JSON.stringify(ok)).toMatchObject({ status: 200, listStatus: 200, listed: true });
        expect(ok.session).toMatch(/^[0-9a-f-]{36}$/);
        const blocked = await runPage(mcp, otherPage);
        expect(blocked.error, JSON.stringify(blocked)).toMatch(/TypeError|Failed to fetch/);
      } finally {
        await server.stop();
        allowedPage.close();
        otherPage.close();
      }
    }, 150_000);
  });

  describe('3. fair limits', () => {
    it('survives 1,100 sessions from one token; a second token still connects and the flooder keeps working', async () => {
      let last = '';
      for (let i = 0; i < 1100; i += 25) {
        const batch = await Promise.all(Array.from({ length: 25 }, () => send(url, { body: initialize(), headers: bearer('alice') })));
        for (const r of batch) expect(r.status).toBe(200);
        last = batch.at(-1)!.headers.get('mcp-session-id')!;
      }
      const bob = await send(url, { body: initialize(), headers: bearer('bob') });
      expect(bob.status).toBe(200);
      const recent = await send(url, { body: { jsonrpc: '2.0', id: 9, method: 'ping' }, headers: inSession('alice', last) });
      expect(recent.status).toBe(200);
    }, 120_000);
  });

  describe('5. protocol-level bad input', () => {
    it('refuses batches on 2025-11-25 and an empty batch as Invalid Request', async () => {
      const session = await openSession(url, 'alice');
      const batch = await send(url, { body: [call('echo', { text: 'a' }, 10), call('echo', { text: 'b' }, 11)], headers: inSession('alice', session) });
      expect(batch.status).toBe(400);
      expect((batch.json?.error as { code: number }).code).toBe(-32600);
      const empty = await send(url, { raw: '[]', headers: inSession('alice', session) });
      expect(empty.status).toBe(400);
      expect((empty.json?.error as { code: number }).code).toBe(-32600);
    });

    it('counts a __proto__ key in arguments as an additional property', async () => {
      const session = await openSession(url, 'alice');
      const raw = '{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x","__proto__":{"admin":true}}}}';
      const r = await send(url, { raw, headers: inSession('alice', session) });
      const result = r.json?.result as { isError?: boolean; content: { text: string }[] };
      expect(result.isError, JSON.stringify(r.json)).toBe(true);
      expect(result.content[0]!.text).toContain('__proto__: is not allowed');
      expect(result.content[0]!.text).not.toContain('true');
    });

    it('never echoes validator internals in error messages', async () => {
      const session = await openSession(url, 'alice');
      const bodies = [
        { jsonrpc: '2.0', id: 13, method: 'tools/call', params: { name: 'echo', arguments: 'not an object' } },
        { jsonrpc: '2.0', id: 14, method: 'tools/call', params: { name: 42 } },
        { jsonrpc: '2.0', id: 15, method: 'resources/read', params: { uri: { nested: true } } },
      ];
      for (const body of bodies) {
        const r = await send(url, { body, headers: inSession('alice', session) });
        const text = JSON.stringify(r.json);
        expect(text, text).not.toMatch(/invalid_type|"expected"|"path"|ZodError|instancePath|schemaPath/);
      }
    });
  });

  describe('7. shutdown', () => {
    it('on SIGTERM finishes the call in flight, closes an open GET stream and exits 0', async () => {
      const server = await startHttpServer(dir);
      const session = await openSession(server.url, 'alice');
      const stream = await fetch(server.url, { headers: { Accept: 'text/event-stream', ...inSession('alice', session) } });
      expect(stream.status).toBe(200);
      const pending = send(server.url, { body: call('slow', { ms: 700 }), headers: inSession('alice', session) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      const answer = await pending;
      expect(resultText(answer)).toContain('done');
      await stream.body?.cancel().catch(() => undefined);
      const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 5000))]);
      expect(code).toBe(0);
    }, 20_000);

    it('exits at once on a second signal', async () => {
      const server = await startHttpServer(dir);
      const session = await openSession(server.url, 'alice');
      const pending = send(server.url, { body: call('slow', { ms: 8000 }), headers: inSession('alice', session) }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.child.exitCode).toBeNull();
      server.child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 3000))]);
      expect(code).toBe(143);
      await pending;
    }, 20_000);
  });
});


/** A server without auth: the stdio limits, and the warning on a non-loopback bind. */
describe('generated server without auth (stdio, 2025-11-25)', () => {
  let dir: string;

  beforeAll(() => {
    const open = {
      revision: '2025-11-25',
      server: { name: 'open', version: '1.0.0' },
      tools: [{ name: 'slow', inputSchema: { type: 'object', properties: { ms: { type: 'integer' } }, required: ['ms'], additionalProperties: false } }],
    };
    const src = writeFiles({ 'mcp.json': JSON.stringify(open) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    writeFileSync(join(dir, 'src', 'handlers', 'tools', 'slow.ts'), HANDLERS['tools/slow.ts']!);
    buildPackages(dir);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the server over stdio: writes `input` (then closes stdin unless told), collects stdout lines and the exit code. */
  const stdio = (input: string[], keepOpenMs = 0) => runStdio(dir, input, { keepOpenMs });

  const init = JSON.stringify(initialize()) + '\n';
  const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n';

  it('answers a malformed line with -32700 and keeps serving', async () => {
    const r = await stdio([init, initialized, '{"jsonrpc": "2.0", "id": 2, "method": \n', JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) + '\n'], 300);
    expect(r.lines.find((m) => (m.error as { code?: number } | undefined)?.code === -32700), r.raw).toBeDefined();
    expect(r.lines.find((m) => m.id === 3 && m.result !== undefined), r.raw).toBeDefined();
    expect(r.code).toBe(0);
  });

  it('refuses a line above the SDK buffer limit with a JSON-RPC error and a log line, never a silent exit', async () => {
    const huge = JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'slow', arguments: { pad: 'x'.repeat(11 * 1024 * 1024) } } }) + '\n';
    const r = await stdio([init, initialized, huge, JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'ping' }) + '\n'], 500);
    expect(r.lines.find((m) => (m.error as { code?: number } | undefined)?.code === -32600), r.raw.slice(0, 500)).toBeDefined();
    expect(r.stderr).toMatch(/longer than \d+ characters/);
    expect(r.lines.find((m) => m.id === 5 && m.result !== undefined), r.raw.slice(0, 500)).toBeDefined();
  }, 30_000);

  it('writes the response of a call in flight when stdin closes', async () => {
    const r = await stdio([init, initialized, JSON.stringify(call('slow', { ms: 400 }, 6)) + '\n'], 50);
    const answer = r.lines.find((m) => m.id === 6);
    expect(answer?.result, r.raw + r.stderr).toEqual({ content: [{ type: 'text', text: 'done' }] });
    expect(r.code).toBe(0);
  });

  it('prints a warning when bound to a non-loopback address without auth', async () => {
    const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--port', '0', '--host', '0.0.0.0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/listening on/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    expect(stderr).toMatch(/WARNING: listening on 0\.0\.0\.0 without authentication/);
  });
});
