/**
 * A manifest full of hostile strings (comment terminators, backticks, `${`,
 * U+2028/U+2029, `</script>`, quotes, `__proto__`; tool names that are
 * reserved words or differ only in case) generates a package that compiles
 * and serves every string back exactly.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules } from './server-package.js';

const EVIL = 'end */ of comment, `backtick` ${interpolation} \u2028line\u2029para </script><script>alert("x")</script> \'single\' "double" \\ backslash // slash /* open';

const schema = {
  type: 'object',
  description: EVIL,
  properties: {
    [EVIL]: { type: 'string', description: EVIL, enum: [EVIL, '`${x}`'] },
    '*/': { type: 'string', description: '*/ */' },
    ['__proto__']: { type: 'number' },
    constructor: { type: 'string' },
  },
  required: ['*/'],
  additionalProperties: false,
};

// Names inherited from Object.prototype (constructor, toString, __proto__) are
// refused by lint (sdk/reserved-name): the SDK's registries cannot hold them.
const names = ['class', 'delete', 'Search', 'search', 'hasOwn', 'proto', 'handlers', 'Handlers'];

const manifest = {
  server: { name: 'hostile', version: '1.0.0', title: EVIL },
  instructions: EVIL,
  tools: names.map((name) => ({
    name,
    title: `${name} ${EVIL}`,
    description: EVIL,
    // JSON.parse keeps "__proto__" as an own key; an object literal would not.
    inputSchema: JSON.parse(JSON.stringify(schema)),
    outputSchema: { type: 'object', properties: { [EVIL]: { type: 'string', description: EVIL } } },
    annotations: { title: EVIL },
    // A 2025-11-25 Tool field the SDK's registerTool does not take: it must still be listed.
    execution: { taskSupport: 'forbidden' },
    _meta: JSON.parse(`{"__proto__": ${JSON.stringify(EVIL)}, "k": ${JSON.stringify(EVIL)}}`),
  })),
  resources: [{ uri: 'hostile://r', name: EVIL, description: EVIL }],
  resourceTemplates: [{ uriTemplate: 'hostile://t/{id}{?q}', name: `t ${EVIL}`, description: EVIL }],
  prompts: [{ name: 'p', description: EVIL, arguments: [{ name: EVIL, description: EVIL, required: true }, { name: 'class' }] }],
};

/** The value with every `__proto__` own key removed (what the client's parser keeps). */
function withoutProto(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProto);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '__proto__').map(([k, v]) => [k, withoutProto(v)]));
  }
  return value;
}

/** tools/list over a raw stdio exchange, parsed with JSON.parse (which keeps `__proto__` keys). */
async function rawToolsList(dir: string): Promise<unknown> {
  const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    const lines = createInterface({ input: child.stdout! });
    const send = (m: unknown) => child.stdin!.write(JSON.stringify(m) + '\n');
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    for await (const line of lines) {
      const msg = JSON.parse(line) as { id?: number; result?: { tools?: unknown } };
      if (msg.id === 1) {
        send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      }
      if (msg.id === 2) return msg.result?.tools;
    }
    throw new Error('no tools/list answer');
  } finally {
    clearTimeout(timer);
    child.kill();
  }
}

describe('hostile strings', () => {
  let dir: string;
  beforeAll(() => {
    const src = writeFiles({ 'mcp.json': JSON.stringify(manifest) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    buildPackages(dir);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never leaves a raw line separator or </script in generated sources', () => {
    for (const file of readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(dir, 'src', file), 'utf8');
      expect(text, file).not.toMatch(/[\u2028\u2029]/);
      expect(text, file).not.toContain('</script');
    }
  });

  it('sends the wire metadata byte-exact, __proto__ keys included', async () => {
    const wire = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown[]>;
    const raw = await rawToolsList(dir);
    expect(raw).toEqual(wire.tools);
    expect(JSON.stringify(raw)).toContain('"__proto__":{"type":"number"}');
  });

  it('compiles and serves every string back exactly to the official client', async () => {
    const wire = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown[]>;
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
    try {
      const { tools } = await client.listTools();
      // The official client drops `__proto__` keys when it parses results; the
      // raw exchange below proves the server sends them.
      expect(tools).toEqual(withoutProto(wire.tools));
      expect(tools.map((t) => t.name)).toEqual(names);
      for (const t of tools) {
        expect(t.description).toBe(EVIL);
        expect(t._meta).toEqual({ k: EVIL });
      }
      expect(client.getInstructions()).toBe(EVIL);
      expect(client.getServerVersion()?.title).toBe(EVIL);
      expect((await client.listResources()).resources).toEqual(wire.resources);
      expect((await client.listResourceTemplates()).resourceTemplates).toEqual(wire.resourceTemplates);
      // prompts/list is the SDK's own: it spells out the default `required: false`.
      expect((await client.listPrompts()).prompts).toEqual(
        (wire.prompts as { arguments?: { required?: boolean }[] }[]).map((p) => ({
          ...p,
          arguments: (p.arguments ?? []).map((a) => ({ ...a, required: a.required ?? false })),
        })),
      );

      const ok = await client.callTool({ name: 'class', arguments: { '*/': 'x', [EVIL]: EVIL } });
      expect(JSON.stringify(ok.content)).toContain('not implemented');
      const bad = await client.callTool({ name: 'Search', arguments: { [EVIL]: 'nope', '*/': 'x' } });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toContain('must be equal to one of the allowed values');
    } finally {
      await client.close();
    }
  });
});
