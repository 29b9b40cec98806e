/**
 * End to end with the reference servers from npm (devDependencies):
 * `mcpgen import --stdio` captures each one, `--emit client` generates a
 * client that tsc compiles under the strict options, and the client calls
 * the real server: typed results validated by the precompiled validators,
 * verify() passing; then a schema changed in the imported manifest makes
 * verify() report exactly that tool.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { buildClient, loadClient, type GeneratedClient, type GeneratedClientClass } from './client-package.js';

const NM = join(repoRoot, 'node_modules', '@modelcontextprotocol');
const work = tempDir('mcpgen-ref-servers-');
const fsRoot = join(work, 'files');
const memoryFile = join(work, 'memory.jsonl');

interface Ref {
  pkg: string;
  args: string[];
  env?: Record<string, string>;
  className: string;
}

const SERVERS: Record<string, Ref> = {
  everything: { pkg: 'server-everything', args: ['stdio'], className: 'McpServersEverythingClient' },
  filesystem: { pkg: 'server-filesystem', args: [fsRoot], className: 'SecureFilesystemServerClient' },
  memory: { pkg: 'server-memory', args: [], env: { MEMORY_FILE_PATH: memoryFile }, className: 'MemoryServerClient' },
};

function call(client: GeneratedClient, method: string, ...args: unknown[]): Promise<any> {
  expect(typeof client[method], `generated method ${method}`).toBe('function');
  return (client[method] as (...a: unknown[]) => Promise<unknown>).apply(client, args);
}

function importServer(name: string): string {
  const ref = SERVERS[name]!;
  const out = join(work, `${name}.yaml`);
  const line = [process.execPath, join(NM, ref.pkg, 'dist', 'index.js'), ...ref.args].map((w) => `'${w}'`).join(' ');
  const r = runCliProcess(['import', '--stdio', line, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/mcpgen: wrote .*revision 2025-11-25/);
  return out;
}

async function connect(name: string, dir: string): Promise<GeneratedClient> {
  const ref = SERVERS[name]!;
  const mod = await loadClient(dir);
  const cls = mod[ref.className] as GeneratedClientClass | undefined;
  expect(cls, `class ${ref.className} in ${Object.keys(mod).join(', ')}`).toBeDefined();
  return cls!.connectStdio({ command: process.execPath, args: [join(NM, ref.pkg, 'dist', 'index.js'), ...ref.args], env: ref.env ?? {}, stderr: 'ignore' });
}

describe('generated clients for the npm reference servers', () => {
  const manifests: Record<string, string> = {};
  const clients: Record<string, string> = {};
  let changedMemory: string;

  beforeAll(() => {
    mkdirSync(fsRoot, { recursive: true });
    for (const name of Object.keys(SERVERS)) {
      manifests[name] = importServer(name);
      clients[name] = buildClient(manifests[name]!, '2025-11-25', join(work, `client-${name}`));
    }
    // One schema changed: search_nodes gains a parameter.
    const yaml = readFileSync(manifests.memory!, 'utf8');
    const changed = yaml.replace(/(- name: search_nodes[\s\S]*?properties:\n\s+query:)/, '$1\n          type: string\n        limit:');
    expect(changed).not.toBe(yaml);
    writeFileSync(join(work, 'memory-changed.yaml'), changed);
    changedMemory = buildClient(join(work, 'memory-changed.yaml'), '2025-11-25', join(work, 'client-memory-changed'));
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('server-everything: typed structured output, plain results, template reads, prompts; verify() passes', async () => {
    const client = await connect('everything', clients.everything!);
    try {
      const weather = await call(client, 'getStructuredContent', { location: 'Chicago' });
      expect(weather.structuredContent).toEqual({ temperature: expect.any(Number), conditions: expect.any(String), humidity: expect.any(Number) });
      const sum = await call(client, 'getSum', { a: 2, b: 3 });
      expect(JSON.stringify(sum.content)).toContain('5');
      await expect(call(client, 'getStructuredContent', { location: 'Paris' })).rejects.toThrow(/location: must be equal to one of the allowed values/);
      const text = await call(client, 'readDynamicTextResource', { resourceId: 3 });
      expect(text.contents[0].uri).toBe('demo://resource/dynamic/text/3');
      const prompt = await call(client, 'getArgsPromptPrompt', { city: 'Oslo' });
      expect(JSON.stringify(prompt.messages)).toContain('Oslo');
      expect(await client.verify()).toEqual({ ok: true, missing: [], extra: [], changed: [] });
    } finally {
      await client.close();
    }
  });

  it('server-filesystem: writes and reads a file with typed results; verify() passes', async () => {
    const client = await connect('filesystem', clients.filesystem!);
    try {
      const path = join(fsRoot, 'note.txt');
      await call(client, 'writeFile', { path, content: 'hello from a typed client' });
      const read = await call(client, 'readTextFile', { path });
      expect(read.structuredContent.content).toBe('hello from a typed client');
      await expect(call(client, 'readTextFile', { path: join(work, '..', 'outside.txt') })).rejects.toThrow(/ToolError|denied|outside|not allowed/i);
      expect(await client.verify()).toEqual({ ok: true, missing: [], extra: [], changed: [] });
    } finally {
      await client.close();
    }
  });

  it('server-memory: creates and searches entities with typed results; verify() passes', async () => {
    const client = await connect('memory', clients.memory!);
    try {
      const created = await call(client, 'createEntities', { entities: [{ name: 'Ada', entityType: 'person', observations: ['wrote the first program'] }] });
      expect(created.structuredContent.entities).toEqual([{ name: 'Ada', entityType: 'person', observations: ['wrote the first program'] }]);
      const found = await call(client, 'searchNodes', { query: 'program' });
      expect(found.structuredContent.entities.map((e: { name: string }) => e.name)).toEqual(['Ada']);
      expect(await client.verify()).toEqual({ ok: true, missing: [], extra: [], changed: [] });
    } finally {
      await client.close();
    }
  });

  it('verify() reports the schema changed in the manifest', async () => {
    const client = await connect('memory', changedMemory);
    try {
      const report = await client.verify();
      expect(report).toMatchObject({ ok: false, missing: [], extra: [] });
      expect(report.changed.map((c) => [c.kind, c.name, c.fields.map((f) => f.field)])).toEqual([['tool', 'search_nodes', ['inputSchema']]]);
    } finally {
      await client.close();
    }
  });
});
