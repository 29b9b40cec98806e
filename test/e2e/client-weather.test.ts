/**
 * End to end: the weather sample generated as a server and as a client, both
 * compiled; the client talks to the real server process over stdio and
 * Streamable HTTP (a token with every scope and one lacking alerts:subscribe).
 * Typed, validated results; arguments refused before sending; a tool error
 * carrying its result; output checked by the precompiled validator; verify()
 * passing, then reporting a schema changed in the manifest.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryTransport, InsufficientScopeError } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { samplesDir, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { buildClient, loadClient, type GeneratedClient, type GeneratedClientClass, type GeneratedClientModule } from './client-package.js';
import { buildPackages, generateServer, linkNodeModules, startHttpServer, type RunningServer } from './server-package.js';

const MANIFEST = join(samplesDir, 'weather', 'mcp.yaml');
const REVISION = '2025-11-25';

const AUTH_TS = `export async function verifyToken(token: string): Promise<{ subject: string; scopes: string[] } | undefined> {
  if (token === 'all') return { subject: 'all', scopes: ['weather:read', 'alerts:subscribe'] };
  if (token === 'read') return { subject: 'read', scopes: ['weather:read'] };
  return undefined;
}
`;
const FORECAST_TS = `import type { GetForecastHandler } from '../../generated/types.js';
export const handler: GetForecastHandler = async (input) => {
  if (input.latitude === 0) return { structuredContent: { location: 'nowhere' } as never };
  return { structuredContent: { location: \`\${input.latitude},\${input.longitude}\`, days: [{ date: '2026-12-01', highC: 3, lowC: -1, summary: 'Snow' }] } };
};
`;
const OBSERVATIONS_TS = `import type { StationObservationsHandler } from '../../generated/types.js';
export const handler: StationObservationsHandler = async (uri, variables) => ({
  contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(variables) }],
});
`;
const PLAN_TRIP_TS = `import type { PlanTripHandler } from '../../generated/types.js';
export const handler: PlanTripHandler = async (args) => ({
  messages: [{ role: 'user', content: { type: 'text', text: JSON.stringify(args) } }],
});
`;

function call(client: GeneratedClient, method: string, ...args: unknown[]): Promise<any> {
  return (client[method] as (...a: unknown[]) => Promise<unknown>).apply(client, args);
}

describe(`generated weather client against the generated weather server (${REVISION})`, () => {
  let serverDir: string;
  let clientDir: string;
  let changedDir: string;
  let manifestCopy: string;
  let mod: GeneratedClientModule;
  let Weather: GeneratedClientClass;
  let http: RunningServer;
  // Output validation off in the server, so a broken result reaches the client's validator.
  const serverEnv = { MCPGEN_VALIDATE_OUTPUT: '0' };

  beforeAll(async () => {
    serverDir = generateServer(MANIFEST, REVISION);
    linkNodeModules(serverDir);
    writeFileSync(join(serverDir, 'src', 'auth.ts'), AUTH_TS);
    writeFileSync(join(serverDir, 'src', 'handlers', 'tools', 'getForecast.ts'), FORECAST_TS);
    writeFileSync(join(serverDir, 'src', 'handlers', 'templates', 'stationObservations.ts'), OBSERVATIONS_TS);
    writeFileSync(join(serverDir, 'src', 'handlers', 'prompts', 'planTrip.ts'), PLAN_TRIP_TS);
    // The same manifest with one schema changed (a new severity value).
    manifestCopy = tempDir('mcpgen-weather-changed-');
    cpSync(join(samplesDir, 'weather', 'schemas'), join(manifestCopy, 'schemas'), { recursive: true });
    const yaml = readFileSync(MANIFEST, 'utf8').replace('enum: [minor, moderate, severe, extreme]', 'enum: [minor, moderate, severe, extreme, unknown]');
    expect(yaml).toContain('unknown]');
    writeFileSync(join(manifestCopy, 'mcp.yaml'), yaml);

    buildPackages(serverDir);
    clientDir = buildClient(MANIFEST, REVISION);
    changedDir = buildClient(join(manifestCopy, 'mcp.yaml'), REVISION);
    mod = await loadClient(clientDir);
    Weather = mod.WeatherClient as GeneratedClientClass;
    http = await startHttpServer(serverDir, serverEnv);
  }, 240_000);

  afterAll(async () => {
    await http?.stop();
    for (const d of [serverDir, clientDir, changedDir, manifestCopy]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const stdio = () => ({ command: process.execPath, args: [join(serverDir, 'dist', 'server.js'), '--stdio'], env: serverEnv, stderr: 'ignore' });

  it('over stdio: typed results, tool errors, arguments refused before sending, output validated, verify() passes', async () => {
    const client = await Weather.connectStdio(stdio());
    try {
      expect(client.sdk.getNegotiatedProtocolVersion()).toBe(REVISION);
      const forecast = await call(client, 'getForecast', { latitude: 52.5, longitude: 13.4 });
      expect(forecast.structuredContent).toEqual({ location: '52.5,13.4', days: [{ date: '2026-12-01', highC: 3, lowC: -1, summary: 'Snow' }] });
      expect(forecast.content[0].type).toBe('text');

      const notImplemented = await call(client, 'getAlerts', { state: 'CA' }).catch((e: unknown) => e);
      expect(notImplemented).toBeInstanceOf(mod.ToolError);
      expect((notImplemented as InstanceType<GeneratedClientModule['ToolError']>).result.isError).toBe(true);
      expect(String(notImplemented)).toContain('not implemented');

      // Refused locally: the message is the client's own, not the server's tool error.
      const bad = await call(client, 'getAlerts', { state: 'california', extra: 1 }).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(mod.InvalidArgumentsError);
      expect((bad as InstanceType<GeneratedClientModule['InvalidArgumentsError']>).problems).toEqual(['extra: is not allowed', 'state: must match pattern "^[A-Z]{2}$"']);

      // Broken structured output: rejected by the precompiled validator (its message format, not the SDK's Ajv one).
      const broken = await call(client, 'getForecast', { latitude: 0, longitude: 0 }).catch((e: unknown) => e);
      expect(String(broken)).toContain("Structured content does not match the tool's output schema: days: is required");

      expect(await client.verify()).toEqual({ ok: true, missing: [], extra: [], changed: [] });
    } finally {
      await client.close();
    }
  });

  it('with argument checks off, the server judges the arguments', async () => {
    const client = await Weather.connectStdio(stdio(), { validateArguments: false });
    try {
      const bad = await call(client, 'getAlerts', { state: 'california' }).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(mod.ToolError);
      expect(String(bad)).toContain('state: must match pattern');
    } finally {
      await client.close();
    }
  });

  it('expands the template URI, reads it, and gets the prompt with its arguments', async () => {
    const uri = (Weather.stationObservationsUri as (v: unknown) => string)({ stationId: 'KSFO/1 ü', limit: 5 });
    expect(uri).toBe('weather://stations/KSFO%2F1%20%C3%BC/observations?limit=5');
    const client = await Weather.connectStdio(stdio());
    try {
      const read = await call(client, 'readStationObservations', { stationId: 'A1', limit: 5 });
      expect(read.contents[0].uri).toBe('weather://stations/A1/observations?limit=5');
      expect(JSON.parse(read.contents[0].text)).toMatchObject({ stationId: 'A1', limit: '5' });
      const prompt = await call(client, 'getPlanTripPrompt', { destination: 'Oslo' });
      expect(JSON.parse(prompt.messages[0].content.text)).toEqual({ destination: 'Oslo' });
    } finally {
      await client.close();
    }
  });

  it('over HTTP with a token holding every scope: calls pass auth, verify() passes', async () => {
    const client = await Weather.connectHttp({ url: http.url, authProvider: { token: async () => 'all' } });
    try {
      expect((await call(client, 'getForecast', { latitude: 1, longitude: 2 })).structuredContent.location).toBe('1,2');
      // Past the scope check: the stub's tool error.
      await expect(call(client, 'subscribeAlerts', { state: 'CA', email: 'a@example.com' })).rejects.toBeInstanceOf(mod.ToolError);
      expect((await client.verify()).ok).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('over HTTP with a token lacking alerts:subscribe: that tool fails with insufficient_scope, others work', async () => {
    const client = await Weather.connectHttp({ url: http.url, authProvider: { token: async () => 'read' } });
    try {
      expect((await call(client, 'getForecast', { latitude: 1, longitude: 2 })).structuredContent.location).toBe('1,2');
      const err = await call(client, 'subscribeAlerts', { state: 'CA', email: 'a@example.com' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InsufficientScopeError);
    } finally {
      await client.close();
    }
  });

  it('mcpgen import captures the server over stdio and over HTTP with a header, exactly as the manifest declares it', () => {
    const wire = JSON.parse(readFileSync(join(serverDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const viaStdio = join(manifestCopy, 'imported-stdio.yaml');
    const viaHttp = join(manifestCopy, 'imported-http.yaml');
    const line = `'${process.execPath}' '${join(serverDir, 'dist', 'server.js')}' --stdio`;
    const a = runCliProcess(['import', '--stdio', line, '--out', viaStdio]);
    expect(a.code, a.stderr).toBe(0);
    const b = runCliProcess(['import', '--url', http.url, '--header', 'Authorization=Bearer all', '--out', viaHttp]);
    expect(b.code, b.stderr).toBe(0);
    for (const file of [viaStdio, viaHttp]) {
      const imported = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const key of ['tools', 'resources', 'resourceTemplates', 'prompts', 'instructions']) expect(imported[key], key).toEqual(wire[key]);
      expect(imported.provenance).toMatchObject({ server: { name: 'weather', version: '1.2.0' }, revision: REVISION });
    }
    // The token is never written.
    expect(readFileSync(viaHttp, 'utf8')).not.toContain('Bearer');
    expect((parse(readFileSync(viaHttp, 'utf8')) as { provenance: { transport: string } }).provenance.transport).toBe('http');
  });

  it('mcpgen diff compares a manifest with the live server (imported with the official client)', () => {
    const same = runCliProcess(['diff', MANIFEST, http.url, '--header', 'Authorization=Bearer all', '--fail-on', 'breaking', '--format', 'json']);
    expect(same.code, same.stderr).toBe(0);
    expect((JSON.parse(same.stdout) as { new: string }).new).toBe(http.url);
    // A manifest that promises one more tool than the server has: the server "removed" it, a breaking change located at the URL side.
    const promised = join(manifestCopy, 'promises-more.yaml');
    writeFileSync(promised, readFileSync(MANIFEST, 'utf8').replace(/^tools:\n/m, 'tools:\n  - name: vanished_tool\n    inputSchema: { type: object }\n'));
    cpSync(join(samplesDir, 'weather', 'schemas'), join(manifestCopy, 'schemas'), { recursive: true, force: true });
    const more = runCliProcess(['diff', promised, http.url, '--header', 'Authorization=Bearer all', '--fail-on', 'breaking']);
    expect(more.code, more.stderr).toBe(1);
    expect(more.stdout).toContain('vanished_tool');
    // The same over stdio: `stdio:` and the command, split like `import --stdio` (no shell).
    const viaStdio = runCliProcess(['diff', MANIFEST, `stdio:'${process.execPath}' '${join(serverDir, 'dist', 'server.js')}' --stdio`, '--fail-on', 'breaking']);
    expect(viaStdio.code, viaStdio.stderr).toBe(0);
    // Without the token the server answers 401: a located input error, not a crash.
    const refused = runCliProcess(['diff', MANIFEST, http.url]);
    expect(refused.code).toBe(2);
  });

  it('refuses a server that negotiates another revision, unless that revision is accepted explicitly', async () => {
    // An SDK server that speaks only 2025-06-18: it counter-offers that revision.
    const connectTo = async (settings: Record<string, unknown>) => {
      const server = new McpServer({ name: 'old', version: '1.0.0' }, { supportedProtocolVersions: ['2025-06-18'] });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await server.connect(serverSide);
      const connect = Weather.connect as (t: unknown, s: Record<string, unknown>) => Promise<GeneratedClient>;
      return { server, result: connect(clientSide, settings) };
    };
    const refused = await connectTo({});
    const err = await refused.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(mod.RevisionMismatchError);
    expect(String(err)).toContain('generated for 2025-11-25');
    await refused.server.close();

    const accepted = await connectTo({ alsoAcceptRevisions: ['2025-06-18'] });
    const client = await accepted.result;
    expect(client.sdk.getNegotiatedProtocolVersion()).toBe('2025-06-18');
    await client.close();
    await accepted.server.close();
  });

  it('verify() of a client generated from a changed manifest reports the changed schema', async () => {
    const changed = await loadClient(changedDir);
    const client = await (changed.WeatherClient as GeneratedClientClass).connectStdio(stdio());
    try {
      const report = await client.verify();
      expect(report.ok).toBe(false);
      expect(report.missing).toEqual([]);
      expect(report.extra).toEqual([]);
      expect(report.changed.map((c) => ({ kind: c.kind, name: c.name, fields: c.fields.map((f) => f.field) }))).toEqual([
        { kind: 'tool', name: 'get_alerts', fields: ['inputSchema'] },
      ]);
    } finally {
      await client.close();
    }
  });
});
