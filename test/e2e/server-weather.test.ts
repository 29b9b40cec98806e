/**
 * End to end: the weather sample manifest generated with `--emit server`,
 * compiled, and served as real processes over stdio and Streamable HTTP to the
 * official client, for a revision with sessions (2025-11-25) and the
 * stateless one (2026-07-28).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesDir } from '../helpers/paths.js';
import { buildPackages, generateServer, linkNodeModules, startHttpServer, type RunningServer } from './server-package.js';

const MANIFEST = join(samplesDir, 'weather', 'mcp.yaml');

/** Test tokens: `all` has every scope, `read` lacks alerts:subscribe. */
const AUTH_TS = `import type { Principal } from './generated/http.js';

export async function verifyToken(token: string): Promise<Principal | undefined> {
  if (token === 'all') return { subject: 'u1', scopes: ['weather:read', 'alerts:subscribe'] };
  if (token === 'read') return { subject: 'u2', scopes: ['weather:read'] };
  return undefined;
}
`;

/** A filled-in handler: structured output only (text fallback added), or broken output when latitude is 0. */
const FORECAST_TS = `import type { GetForecastHandler } from '../../generated/types.js';

export const handler: GetForecastHandler = async (input) => {
  if (input.latitude === 0) return { structuredContent: { location: 'nowhere' } as never };
  return { structuredContent: { location: \`\${input.latitude},\${input.longitude}\`, days: [] } };
};
`;

const VALID_ARGS: Record<string, Record<string, unknown>> = {
  get_forecast: { latitude: 52.5, longitude: 13.4 },
  get_alerts: { state: 'CA' },
  subscribe_alerts: { state: 'CA', email: 'a@example.com' },
};

function prepare(revision: string): { dir: string; wireTools: unknown[] } {
  const dir = generateServer(MANIFEST, revision);
  linkNodeModules(dir);
  writeFileSync(join(dir, 'src', 'auth.ts'), AUTH_TS);
  writeFileSync(join(dir, 'src', 'handlers', 'tools', 'getForecast.ts'), FORECAST_TS);
  const wireTools = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tools: unknown[] }).tools;
  return { dir, wireTools };
}

async function exerciseTools(client: Client, wireTools: unknown[]): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools).toEqual(wireTools);
  for (const tool of tools) {
    const result = await client.callTool({ name: tool.name, arguments: VALID_ARGS[tool.name] });
    if (tool.name === 'get_forecast') {
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ location: '52.5,13.4', days: [] });
      expect(result.content).toEqual([{ type: 'text', text: JSON.stringify(result.structuredContent) }]);
    } else {
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toContain('not implemented');
    }
  }
  const bad = await client.callTool({ name: 'get_alerts', arguments: { state: 'california' } });
  expect(bad.isError).toBe(true);
  expect(JSON.stringify(bad.content)).toMatch(/state: must match pattern/);
  const missing = await client.callTool({ name: 'subscribe_alerts', arguments: { state: 'CA' } });
  expect(missing.isError).toBe(true);
  expect(JSON.stringify(missing.content)).toContain('email: is required');
  const broken = await client.callTool({ name: 'get_forecast', arguments: { latitude: 0, longitude: 0 } });
  expect(broken.isError).toBe(true);
  expect(JSON.stringify(broken.content)).toContain('days: is required');
}

async function rawPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
}

const callSubscribe = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'subscribe_alerts', arguments: {} } };

describe.each([
  { revision: '2025-11-25', negotiation: undefined },
  { revision: '2026-07-28', negotiation: { mode: { pin: '2026-07-28' } } },
])('generated weather server, $revision', ({ revision, negotiation }) => {
  let pkg: { dir: string; wireTools: unknown[] };
  let http: RunningServer;

  beforeAll(async () => {
    pkg = prepare(revision);
    buildPackages(pkg.dir);
    http = await startHttpServer(pkg.dir);
  }, 180_000);

  afterAll(async () => {
    await http?.stop();
    if (pkg) rmSync(pkg.dir, { recursive: true, force: true });
  });

  const newClient = () => new Client({ name: 'e2e', version: '1.0.0' }, negotiation ? { versionNegotiation: negotiation as never } : {});

  it('serves stdio: tools listed as in the manifest, each callable, bad input and bad output are tool errors', async () => {
    const client = newClient();
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(pkg.dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
    try {
      await exerciseTools(client, pkg.wireTools);
    } finally {
      await client.close();
    }
  });

  it('serves Streamable HTTP with a bearer token', async () => {
    const client = newClient();
    await client.connect(
      new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { Authorization: 'Bearer all' } } }),
    );
    try {
      await exerciseTools(client, pkg.wireTools);
    } finally {
      await client.close();
    }
  });

  it('answers an evil Origin with 403 and a foreign Host with 403', async () => {
    const evil = await rawPost(http.url, callSubscribe, { Origin: 'https://evil.example', Authorization: 'Bearer all' });
    expect(evil.status).toBe(403);
    // fetch() cannot set Host: use node:http.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request(http.url, { method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' }, timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify(callSubscribe));
    });
    expect(rebinding).toBe(403);
  });

  it('publishes Protected Resource Metadata and answers 401 without a token', async () => {
    const origin = new URL(http.url).origin;
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const r = await fetch(origin + path, { signal: AbortSignal.timeout(5000) });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({
        resource: 'https://weather.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
      });
    }
    const r = await rawPost(http.url, callSubscribe);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://weather.example.com/.well-known/oauth-protected-resource/mcp", scope="weather:read alerts:subscribe"',
    );
    expect((await rawPost(http.url, callSubscribe, { Authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('answers a body over 4 MiB with 413', async () => {
    const r = await rawPost(http.url, { ...callSubscribe, padding: 'x'.repeat(5 * 1024 * 1024) }, { Authorization: 'Bearer all' });
    expect(r.status).toBe(413);
  });

  it('answers a call without the required scope with 403 insufficient_scope naming it', async () => {
    const r = await rawPost(http.url, callSubscribe, { Authorization: 'Bearer read' });
    expect(r.status).toBe(403);
    expect(r.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="alerts:subscribe", resource_metadata="https://weather.example.com/.well-known/oauth-protected-resource/mcp"',
    );
  });
});

describe('generated weather server, 2025-11-25 sessions', () => {
  let pkg: { dir: string; wireTools: unknown[] };
  let http: RunningServer;
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'e2e', version: '1.0.0' } },
  };
  const auth = { Authorization: 'Bearer all' };

  beforeAll(async () => {
    pkg = prepare('2025-11-25');
    buildPackages(pkg.dir);
    http = await startHttpServer(pkg.dir, { MCP_MAX_SESSIONS: '1', MCP_SESSION_IDLE_MS: '400' });
  }, 180_000);

  afterAll(async () => {
    await http?.stop();
    if (pkg) rmSync(pkg.dir, { recursive: true, force: true });
  });

  it('caps open sessions (evicting the oldest idle one, refusing only when all are busy) and expires idle ones', async () => {
    const first = await rawPost(http.url, initialize, auth);
    expect(first.status).toBe(200);
    const firstId = first.headers.get('mcp-session-id')!;
    await first.body?.cancel();

    // At the cap, the idle first session makes room for the second.
    const second = await rawPost(http.url, initialize, auth);
    expect(second.status).toBe(200);
    const secondId = second.headers.get('mcp-session-id')!;
    await second.body?.cancel();
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
    const inSession = (id: string) => ({ ...auth, 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-11-25' });
    expect((await rawPost(http.url, list, inSession(firstId))).status).toBe(404);

    // A session with an open stream is busy: it is not evicted, so a new one is refused.
    const stream = await fetch(http.url, { headers: { Accept: 'text/event-stream', ...inSession(secondId) } });
    expect(stream.status).toBe(200);
    expect((await rawPost(http.url, initialize, auth)).status).toBe(503);
    await stream.body?.cancel();

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await rawPost(http.url, list, inSession(secondId))).status).toBe(404);
    const third = await rawPost(http.url, initialize, auth);
    expect(third.status).toBe(200);
    await third.body?.cancel();
  });
});
