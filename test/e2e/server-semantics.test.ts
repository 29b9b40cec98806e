/**
 * Generated servers are correct by construction (issue 9), end to end with
 * the official client over stdio and Streamable HTTP:
 *
 * - handler types match what the SDK accepts at run time (type-level tests
 *   with @ts-expect-error, compiled by tsc with the package's strict options);
 * - input defaults reach the handler; every URI template form lint accepts
 *   resolves, percent-decoded and typed; resource URIs are listed and read the
 *   way clients send them; the SDK owns the lists, so what setup() registers
 *   is listed and works;
 * - the manifest's capabilities (logging, completions, subscriptions) are
 *   declared and served by typed handlers;
 * - a server answers `initialize` with the revision it was generated for and
 *   never sends fields that revision lacks;
 * - the binary's command line: --help 0, unknown flag 2, bad or busy port 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules, startHttpServer, type RunningServer } from './server-package.js';

/** Template name → [template, [uri read, variables the handler must get]...]. */
const TEMPLATES: Record<string, [string, [string, Record<string, unknown>][]]> = {
  simple: ['t://simple/{id}', [['t://simple/a%20b', { id: 'a b' }]]],
  pair: ['t://pair/{a,b}', [['t://pair/1,2', { a: '1', b: '2' }]]],
  reserved: ['t://reserved/{+path}', [['t://reserved/a/b/c', { path: 'a/b/c' }]]],
  fragment: ['t://frag{#section}', [['t://frag#intro', { section: 'intro' }], ['t://frag', {}]]],
  segments: ['t://files{/path*}', [['t://files/a/b%2Fc', { path: ['a', 'b/c'] }], ['t://files', { path: [] }]]],
  dotted: ['t://name/file{.ext}', [['t://name/file.txt', { ext: 'txt' }]]],
  exploded: ['t://list/{ids*}', [['t://list/x,y,z', { ids: ['x', 'y', 'z'] }]]],
  query: [
    't://search{?q,limit}',
    [
      ['t://search?limit=5', { limit: '5' }],
      ['t://search?limit=5&q=caf%C3%A9%20au%20lait', { q: 'café au lait', limit: '5' }],
      ['t://search', {}],
    ],
  ],
  continued: ['t://more?fixed=1{&x}', [['t://more?fixed=1&x=2', { x: '2' }], ['t://more?fixed=1', {}]]],
  pairs: ['t://find?q={q}', [['t://find?q=hello', { q: 'hello' }]]],
  tags: ['t://tags{?tag*}', [['t://tags?tag=a&tag=b', { tag: ['a', 'b'] }]]],
};

const manifest = {
  server: { name: 'semantics', version: '1.0.0' },
  instructions: 'Semantics test server.',
  capabilities: { logging: {}, completions: {}, resources: { subscribe: true } },
  tools: [
    {
      name: 'closed',
      inputSchema: {
        type: 'object',
        properties: { q: { type: 'string' }, limit: { type: 'integer', default: 3 } },
        required: ['q'],
        additionalProperties: false,
      },
      outputSchema: {
        type: 'object',
        properties: { n: { type: 'number' }, q: { type: 'string' } },
        required: ['n'],
        additionalProperties: false,
      },
    },
    { name: 'plain', inputSchema: { type: 'object' } },
  ],
  resources: [
    { uri: 'https://example.com', name: 'home' },
    { uri: 'test://doc', name: 'doc' },
  ],
  resourceTemplates: Object.entries(TEMPLATES).map(([name, [uriTemplate]]) => ({ name, uriTemplate })),
  prompts: [{ name: 'greet', arguments: [{ name: 'who', required: true }, { name: 'mood' }] }],
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const USER_FILES: Record<string, string> = {
  'src/handlers/tools/closed.ts': `import type { ClosedHandler } from '../../generated/types.js';
export const handler: ClosedHandler = async (input) => ({ structuredContent: { n: input.limit, q: input.q } });
`,
  'src/handlers/tools/plain.ts': `import type { PlainHandler } from '../../generated/types.js';
export const handler: PlainHandler = async () => ({ content: [{ type: 'text', text: 'plain' }] });
`,
  'src/handlers/resources/home.ts': `import type { HomeHandler } from '../../generated/types.js';
export const handler: HomeHandler = async (uri) => ({ contents: [{ uri: uri.href, text: 'home' }] });
`,
  'src/handlers/resources/doc.ts': `import type { DocHandler } from '../../generated/types.js';
export const handler: DocHandler = async (uri) => ({ contents: [{ uri: uri.href, text: 'doc' }] });
`,
  'src/handlers/prompts/greet.ts': `import type { GreetHandler } from '../../generated/types.js';
export const handler: GreetHandler = async (args) => ({
  messages: [{ role: 'user', content: { type: 'text', text: \`hello \${args.who} (\${args.mood ?? 'no mood'})\` } }],
});
`,
  'src/handlers/completions.ts': `import type { CompleteHandler } from '../generated/types.js';
export const complete: CompleteHandler = async (request) =>
  request.ref.type === 'ref/prompt'
    ? { values: ['Ada', 'Alan', 'Grace'].filter((v) => v.startsWith(request.argument.value)) }
    : { values: [\`\${request.ref.uri}:\${request.argument.name}\`] };
`,
  'src/handlers/subscriptions.ts': `import type { SubscriptionHandler } from '../generated/types.js';
export const subscribed = new Set<string>();
export const subscribe: SubscriptionHandler = async (uri) => void subscribed.add(uri);
export const unsubscribe: SubscriptionHandler = async (uri) => void subscribed.delete(uri);
`,
  // setup() registers through the SDK's public API: it must be listed and work.
  'src/setup.ts': `import type { McpServer } from '@modelcontextprotocol/server';
export function setup(server: McpServer): void {
  server.registerTool('extra', { description: 'registered in setup()' }, async () => ({ content: [{ type: 'text', text: 'extra' }] }));
}
`,
  // Type-level tests: each @ts-expect-error must be an error, or tsc fails the build.
  'src/type-tests.ts': `import type { ClosedHandler, ClosedInput, ClosedOutput, PlainHandler, SegmentsVariables, QueryVariables } from './generated/types.js';
// @ts-expect-error a tool with an outputSchema must return structuredContent
export const missingStructured: ClosedHandler = () => ({ content: [] });
// @ts-expect-error a wrong field type in structuredContent
export const wrongType: ClosedHandler = () => ({ structuredContent: { n: 'one' } });
// (TypeScript checks excess properties of a literal returned by an arrow function
// only against annotated values: annotate the output to get the check in a handler.)
export const annotated: ClosedHandler = () => {
  // @ts-expect-error an unknown field on a closed object, inside a handler
  const out: ClosedOutput = { n: 1, extra: true };
  return { structuredContent: out };
};
// @ts-expect-error an unknown field on a closed object
export const unknownOutput: ClosedOutput = { n: 1, extra: true };
// @ts-expect-error a tool without an outputSchema offers no structuredContent
export const noStructured: PlainHandler = () => ({ content: [], structuredContent: { n: 1 } });
// @ts-expect-error a missing required argument
export const missingArgument: ClosedInput = { limit: 1 };
// @ts-expect-error no index signature: an undeclared input field
export const undeclaredInput: ClosedInput = { q: 'x', limit: 1, other: 2 };
// A property with a default is present in the handler's input.
export const limitIsNumber = (input: ClosedInput): number => input.limit;
// Exploded variables are string[]; query variables may be absent.
export const segments = (v: SegmentsVariables): string[] => v.path;
// @ts-expect-error an optional query variable is not always a string
export const limitAlways = (v: QueryVariables): string => v.limit;
export const errorResult: ClosedHandler = async () => ({ isError: true, content: [{ type: 'text', text: 'no' }] });
export const asyncOk: ClosedHandler = async (input) => ({ structuredContent: { n: input.limit } });
`,
};

function templateHandler(name: string): string {
  return `import type { ${pascal(name)}Handler } from '../../generated/types.js';
export const handler: ${pascal(name)}Handler = async (uri, variables) => ({ contents: [{ uri: uri.href, text: JSON.stringify(variables) }] });
`;
}

function runBinary(dir: string, args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'dist', 'server.js'), ...args], { encoding: 'utf8', timeout: 15_000 });
}

describe('generated server semantics (2025-11-25)', () => {
  let dir: string;
  let http: RunningServer;

  beforeAll(async () => {
    const src = writeFiles({ 'mcp.json': JSON.stringify(manifest) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    for (const [path, text] of Object.entries(USER_FILES)) writeFileSync(join(dir, path), text);
    for (const name of Object.keys(TEMPLATES)) writeFileSync(join(dir, 'src', 'handlers', 'templates', `${name}.ts`), templateHandler(name));
    buildPackages(dir);
    http = await startHttpServer(dir);
  }, 240_000);

  afterAll(async () => {
    await http?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes, with no casts that switch off the checker', () => {
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true });
    const generated = join(dir, 'src', 'generated');
    for (const file of ['create-server.ts', 'register.ts', 'runtime.ts', 'sdk-compat.ts', 'uri-template.ts', 'handlers.ts', 'types.ts', 'main.ts']) {
      const text = readFileSync(join(generated, file), 'utf8');
      expect(text, file).not.toMatch(/as never|as any|_registered/);
    }
  });

  const transports = [
    { name: 'stdio', connect: (c: Client) => c.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' })) },
    { name: 'Streamable HTTP', connect: (c: Client) => c.connect(new StreamableHTTPClientTransport(new URL(http.url))) },
  ];

  it.each(transports.map((t) => [t.name, t] as const))('serves every tool, resource, template form, prompt and capability over %s', async (_name, transport) => {
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await transport.connect(client);
    try {
      expect(client.getInstructions()).toBe('Semantics test server.');
      expect(client.getServerCapabilities()).toMatchObject({ logging: {}, completions: {}, resources: { subscribe: true } });

      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['closed', 'extra', 'plain']);
      expect((await client.callTool({ name: 'extra', arguments: {} })).content).toEqual([{ type: 'text', text: 'extra' }]);
      const closed = await client.callTool({ name: 'closed', arguments: { q: 'x' } });
      expect(closed.isError).toBeFalsy();
      expect(closed.structuredContent).toEqual({ n: 3, q: 'x' });
      expect((await client.callTool({ name: 'plain', arguments: {} })).structuredContent).toBeUndefined();

      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri).sort()).toEqual(['https://example.com/', 'test://doc']);
      for (const r of resources) {
        const read = await client.readResource({ uri: r.uri });
        expect(read.contents[0]?.uri).toBe(r.uri);
      }

      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(Object.values(TEMPLATES).map(([t]) => t).sort());
      for (const [template, reads] of Object.values(TEMPLATES)) {
        for (const [uri, variables] of reads) {
          const read = await client.readResource({ uri });
          const content = read.contents[0] as { text?: string } | undefined;
          expect(JSON.parse(content?.text ?? 'null'), `${template} <- ${uri}`).toEqual(variables);
        }
      }

      const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Ada' } });
      expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'hello Ada (no mood)' });
      const { prompts } = await client.listPrompts();
      expect(prompts).toEqual([{ name: 'greet', arguments: [{ name: 'who', required: true }, { name: 'mood', required: false }] }]);

      const promptCompletion = await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'who', value: 'A' } });
      expect(promptCompletion.completion.values).toEqual(['Ada', 'Alan']);
      const templateCompletion = await client.complete({ ref: { type: 'ref/resource', uri: 't://simple/{id}' }, argument: { name: 'id', value: '' } });
      expect(templateCompletion.completion.values).toEqual(['t://simple/{id}:id']);
      const unknown = await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'nope', value: '' } });
      expect(unknown.completion.values).toEqual([]);

      await expect(client.setLoggingLevel('debug')).resolves.toEqual({});
      await expect(client.subscribeResource({ uri: 'test://doc' })).resolves.toEqual({});
    } finally {
      await client.close();
    }
  });

  it('--help prints usage and exits 0; an unknown flag prints usage and exits 2', () => {
    const help = runBinary(dir, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: server');
    const unknown = runBinary(dir, ['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('Usage: server');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --port or a port in use gives one line and exits 1', async () => {
    const bad = runBinary(dir, ['--port', 'abc']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual(['error: --port: not a port number: "abc" (use 0 to 65535)']);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const address = blocker.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const busy = runBinary(dir, ['--port', String(port)]);
      expect(busy.status).toBe(1);
      expect(busy.stderr.trim().split('\n')).toEqual(['error: the port is already in use']);
    } finally {
      blocker.close();
    }
  });
});

describe.each([
  { revision: '2025-03-26', structured: false },
  { revision: '2025-06-18', structured: true },
])('a server generated for $revision', ({ revision, structured }) => {
  let dir: string;
  beforeAll(() => {
    const m = {
      server: { name: `rev-${revision}`, version: '1.0.0' },
      tools: [{ name: 'echo', title: 'Echo', inputSchema: { type: 'object' } }],
    };
    const src = writeFiles({ 'mcp.json': JSON.stringify(m) });
    dir = generateServer(join(src, 'mcp.json'), revision);
    linkNodeModules(dir);
    mkdirSync(join(dir, 'src', 'handlers', 'tools'), { recursive: true });
    // A handler that slips structuredContent past the type must still not put it on the wire.
    writeFileSync(
      join(dir, 'src', 'handlers', 'tools', 'echo.ts'),
      `import type { EchoHandler } from '../../generated/types.js';
// @ts-expect-error no outputSchema: structuredContent is not offered
export const handler: EchoHandler = () => ({ content: [{ type: 'text', text: 'echo' }], structuredContent: { sneaky: true } });
`,
    );
    buildPackages(dir);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`answers initialize with ${revision} to a client offering a newer revision, and sends only its fields`, async () => {
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe(revision);
      const { tools } = await client.listTools();
      expect(tools).toEqual([{ name: 'echo', inputSchema: { type: 'object' }, ...(revision === '2025-06-18' ? { title: 'Echo' } : {}) }]);
      const result = await client.callTool({ name: 'echo', arguments: {} });
      expect('structuredContent' in result).toBe(structured);
    } finally {
      await client.close();
    }
  });
});

/**
 * A server generated for 2025-11-25 that also accepts older revisions
 * (`compatibleRevisions`) answers each session in the revision it
 * negotiated: the official client of each older revision sees only the
 * fields its revision defines, and a structured-only result as text where
 * the revision has no structuredContent.
 */
describe('a 2025-11-25 server with compatibleRevisions', () => {
  let dir: string;
  const icons = [{ src: 'https://example.com/icon.png', mimeType: 'image/png' }];
  beforeAll(() => {
    const m = {
      server: { name: 'compat', title: 'Compat', version: '1.0.0', description: 'Answers older clients.', icons, websiteUrl: 'https://example.com' },
      compatibleRevisions: ['2024-11-05', '2025-03-26', '2025-06-18'],
      tools: [
        {
          name: 'total',
          title: 'Total',
          icons,
          annotations: { readOnlyHint: true },
          inputSchema: { type: 'object' },
          outputSchema: { type: 'object', properties: { sum: { type: 'integer' } }, required: ['sum'] },
        },
      ],
      resources: [{ uri: 'res://readme', name: 'readme', title: 'Read me', icons, mimeType: 'text/plain' }],
      prompts: [{ name: 'greet', title: 'Greet', icons }],
    };
    const src = writeFiles({ 'mcp.json': JSON.stringify(m) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    mkdirSync(join(dir, 'src', 'handlers', 'tools'), { recursive: true });
    mkdirSync(join(dir, 'src', 'handlers', 'resources'), { recursive: true });
    mkdirSync(join(dir, 'src', 'handlers', 'prompts'), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'handlers', 'tools', 'total.ts'),
      `import type { TotalHandler } from '../../generated/types.js';
export const handler: TotalHandler = () => ({ content: [], structuredContent: { sum: 3 } });
`,
    );
    buildPackages(dir);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expected = {
    '2024-11-05': { tool: ['description', 'inputSchema', 'name'], server: ['name', 'version'], titled: false, structured: false },
    '2025-03-26': { tool: ['annotations', 'inputSchema', 'name'], server: ['name', 'version'], titled: false, structured: false },
    '2025-06-18': { tool: ['annotations', 'inputSchema', 'name', 'outputSchema', 'title'], server: ['name', 'title', 'version'], titled: true, structured: true },
    '2025-11-25': {
      tool: ['annotations', 'icons', 'inputSchema', 'name', 'outputSchema', 'title'],
      server: ['description', 'icons', 'name', 'title', 'version', 'websiteUrl'],
      titled: true,
      structured: true,
    },
  } as const;

  it.each(Object.keys(expected) as (keyof typeof expected)[])('a %s client gets only that revision’s fields', async (revision) => {
    const want = expected[revision];
    const client = new Client({ name: 'e2e', version: '1.0.0' }, { supportedProtocolVersions: [revision] });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe(revision);
      expect(Object.keys(client.getServerVersion() ?? {}).sort()).toEqual(want.server.filter((k) => k !== 'description' || revision === '2025-11-25'));
      const { tools } = await client.listTools();
      expect(Object.keys(tools[0] ?? {}).sort()).toEqual([...want.tool].filter((k) => k !== 'description'));
      const { resources } = await client.listResources();
      expect('title' in (resources[0] ?? {})).toBe(want.titled);
      expect('icons' in (resources[0] ?? {})).toBe(revision === '2025-11-25');
      const { prompts } = await client.listPrompts();
      expect('title' in (prompts[0] ?? {})).toBe(want.titled);
      const result = await client.callTool({ name: 'total', arguments: {} });
      if (want.structured) {
        expect(result.structuredContent).toEqual({ sum: 3 });
      } else {
        expect('structuredContent' in result).toBe(false);
        expect(result.content).toEqual([{ type: 'text', text: '{"sum":3}' }]);
      }
    } finally {
      await client.close();
    }
  });
});
