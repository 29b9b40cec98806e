/**
 * End to end for the stateless revision (2026-07-28): a generated client and
 * a generated server of that revision over Streamable HTTP. The client pins
 * the revision through `server/discover` (no `initialize`), mirrors an
 * `x-mcp-header` argument into its `Mcp-Param-*` header, and gets a typed,
 * validated result; verify() passes. Requests are recorded through the
 * client's `fetch` option, so what went over the wire is asserted.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildClient, loadClient, type GeneratedClient, type GeneratedClientClass } from './client-package.js';
import { buildPackages, generateServer, linkNodeModules, startHttpServer, type RunningServer } from './server-package.js';

const REVISION = '2026-07-28';

const manifest = {
  revision: REVISION,
  server: { name: 'regions', version: '1.0.0' },
  tools: [
    {
      name: 'get_weather',
      description: 'Weather in a region.',
      inputSchema: {
        type: 'object',
        properties: { region: { type: 'string', 'x-mcp-header': 'Region' }, days: { type: 'integer' } },
        required: ['region'],
        additionalProperties: false,
      },
      outputSchema: { type: 'object', properties: { region: { type: 'string' }, days: { type: 'integer' } }, required: ['region'], additionalProperties: false },
    },
  ],
};

const HANDLER_TS = `import type { GetWeatherHandler } from '../../generated/types.js';
export const handler: GetWeatherHandler = async (input) => ({ structuredContent: { region: input.region, ...(input.days !== undefined ? { days: input.days } : {}) } });
`;

describe(`generated client and server for ${REVISION} (stateless)`, () => {
  let src: string;
  let serverDir: string;
  let clientDir: string;
  let http: RunningServer;
  let Regions: GeneratedClientClass;

  beforeAll(async () => {
    src = writeFiles({ 'mcp.json': JSON.stringify(manifest) });
    serverDir = generateServer(join(src, 'mcp.json'), REVISION);
    linkNodeModules(serverDir);
    writeFileSync(join(serverDir, 'src', 'handlers', 'tools', 'getWeather.ts'), HANDLER_TS);
    buildPackages(serverDir);
    clientDir = buildClient(join(src, 'mcp.json'), REVISION);
    const mod = await loadClient(clientDir);
    Regions = mod.RegionsClient as GeneratedClientClass;
    http = await startHttpServer(serverDir);
  }, 240_000);

  afterAll(async () => {
    await http?.stop();
    for (const d of [src, serverDir, clientDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('discovers instead of initializing, mirrors x-mcp-header values as headers, returns typed validated results', async () => {
    const sent: { headers: Headers; body: string }[] = [];
    const recording: typeof fetch = (input, init) => {
      const headers = new Headers(input instanceof Request ? input.headers : undefined);
      new Headers(init?.headers).forEach((v, k) => headers.set(k, v));
      sent.push({ headers, body: typeof init?.body === 'string' ? init.body : '' });
      return fetch(input, init);
    };
    const client: GeneratedClient = await Regions.connectHttp({ url: http.url, fetch: recording });
    try {
      expect(client.sdk.getNegotiatedProtocolVersion()).toBe(REVISION);
      const result = (await (client as unknown as { getWeather(a: object): Promise<{ structuredContent: unknown }> }).getWeather({ region: 'eu-west', days: 2 }));
      expect(result.structuredContent).toEqual({ region: 'eu-west', days: 2 });
      const call = sent.find((s) => s.body.includes('"tools/call"'));
      expect(call, 'a tools/call request was sent').toBeDefined();
      expect(call!.headers.get('mcp-param-region')).toBe('eu-west');
      expect(sent.some((s) => s.body.includes('"server/discover"'))).toBe(true);
      expect(sent.some((s) => s.body.includes('"initialize"'))).toBe(false);
      const report = await client.verify();
      expect(report).toEqual({ ok: true, missing: [], extra: [], changed: [] });
    } finally {
      await client.close();
    }
  });
});
