/**
 * The work a generated server does per stdio message, counted rather than
 * timed (issue 17: per call at most 1.05x a hand-written SDK server). The
 * hardened stdio transport used to filter lines in front of the SDK's
 * StdioServerTransport: each request was parsed by the filter, parsed again
 * by the SDK, and each answer parsed once more on its way out, three
 * JSON.parse calls per call where the SDK's own transport does one. The
 * server runs as a real process with JSON.parse counted by a preload; the
 * difference between a run with 1 call and one with 11 is the work per call,
 * whatever start-up parses.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules, runStdio } from './server-package.js';

const manifest = {
  revision: '2025-11-25',
  server: { name: 'counted', version: '1.0.0' },
  tools: [
    {
      name: 'lookup',
      inputSchema: { type: 'object', properties: { key: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['key'] },
      outputSchema: { type: 'object', properties: { value: { type: 'string' } }, required: ['value'] },
    },
    {
      name: 'tree',
      inputSchema: { type: 'object', properties: { node: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } } },
    },
  ],
};

const HANDLER = `import type { LookupHandler } from '../../generated/types.js';
export const handler: LookupHandler = async (input) => ({ structuredContent: { value: input.key.toUpperCase() } });
`;

/** Counts JSON.parse calls in the server process; the count is written to COUNT_FILE at exit. */
const PRELOAD = `import { writeFileSync } from 'node:fs';
const parse = JSON.parse;
let calls = 0;
JSON.parse = function (text, reviver) { calls++; return parse.call(this, text, reviver); };
process.on('exit', () => writeFileSync(process.env.COUNT_FILE, String(calls)));
`;

describe('generated server over stdio: work per call', () => {
  let dir: string;
  let src: string;

  beforeAll(() => {
    src = writeFiles({ 'mcp.json': JSON.stringify(manifest), 'count-parse.mjs': PRELOAD });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    writeFileSync(join(dir, 'src', 'handlers', 'tools', 'lookup.ts'), HANDLER);
    buildPackages(dir);
  }, 180_000);

  afterAll(() => {
    for (const d of [dir, src]) if (d) rmSync(d, { recursive: true, force: true });
  });

  /** Runs the server over stdio on `lines` (raw JSON text, one message each) and closes stdin; the answers and JSON.parse count. */
  async function exchange(lines: string[], countFile: string): Promise<{ answers: Record<string, unknown>[]; parses: number; code: number | null; stderr: string }> {
    const r = await runStdio(dir, [lines.map((l) => l + '\n').join('')], {
      nodeArgs: ['--import', join(src, 'count-parse.mjs')],
      env: { ...process.env, COUNT_FILE: countFile, MCPGEN_VALIDATE_OUTPUT: '1' },
    });
    return { answers: r.lines, parses: Number(readFileSync(countFile, 'utf8')), code: r.code, stderr: r.stderr };
  }

  const opening = [
    JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1.0.0' } } }),
    JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  ];

  /** Serves `calls` tools/call lines after initialize. */
  function serve(calls: number) {
    const lines = [...opening];
    for (let id = 1; id <= calls; id++) lines.push(JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'lookup', arguments: { key: `k${id}`, tags: ['a', 'b'] } } }));
    return exchange(lines, join(src, `count-${calls}.txt`));
  }

  it('parses each request line once and never parses its own answers', async () => {
    const one = await serve(1);
    const eleven = await serve(11);
    for (const [run, calls] of [[one, 1], [eleven, 11]] as const) {
      expect(run.code, run.stderr).toBe(0);
      // Every call answered, with the validated structured result.
      const results = run.answers.filter((a) => typeof a.id === 'number' && a.id > 0);
      expect(results.map((a) => a.id)).toEqual(Array.from({ length: calls }, (_, i) => i + 1));
      for (const a of results) expect((a.result as { structuredContent?: unknown }).structuredContent).toEqual({ value: `K${String(a.id)}` });
    }
    // One JSON.parse per request line (the SDK's own stdio transport does as many); none for answers.
    expect((eleven.parses - one.parses) / 10).toBe(1);
  }, 60_000);

  // The transport skips the __proto__ scan for a line that cannot hold such a key; these can.
  it('refuses a __proto__ key in arguments however the line spells it, nested or in an array', async () => {
    const call = (id: number, args: string) => `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"lookup","arguments":${args}}}`;
    const r = await exchange(
      [
        ...opening,
        call(1, '{"key":"a","__proto__":{"admin":true}}'),
        call(2, '{"key":"b","\\u005f_proto__":{"admin":true}}'),
        call(3, '{"key":"c","tags":[{"__pr\\u006fto__":1}]}'),
        call(4, '{"key":"d"}'),
      ],
      join(src, 'count-proto.txt'),
    );
    expect(r.code, r.stderr).toBe(0);
    const byId = new Map(r.answers.map((a) => [a.id, a.result as { isError?: boolean; content?: { text: string }[]; structuredContent?: unknown }]));
    for (const [id, path] of [[1, '__proto__'], [2, '__proto__'], [3, 'tags.0.__proto__']] as const) {
      expect(byId.get(id)?.isError, JSON.stringify(r.answers)).toBe(true);
      expect(byId.get(id)?.content?.[0]?.text).toContain(`${path}: is not allowed`);
    }
    expect(byId.get(4)?.structuredContent).toEqual({ value: 'D' });
  }, 60_000);

  // JSON.parse reads nesting of any depth; the scan must not overflow the stack on it (a crash would end every session).
  it('survives arguments nested 100,000 deep in a line that the __proto__ scan reads', async () => {
    const call = (id: number, args: string) => `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"lookup","arguments":${args}}}`;
    const deep = `{"key":"x","tags":${'['.repeat(100_000)}"\\u0061"${']'.repeat(100_000)}}`;
    const r = await exchange([...opening, call(1, deep), call(2, '{"key":"d"}')], join(src, 'count-deep.txt'));
    expect(r.code, r.stderr).toBe(0);
    const byId = new Map(r.answers.map((a) => [a.id, a.result as { isError?: boolean; structuredContent?: unknown }]));
    expect(byId.get(1)?.isError, JSON.stringify(r.answers).slice(0, 500)).toBe(true);
    expect(byId.get(2)?.structuredContent).toEqual({ value: 'D' });
  }, 60_000);

  // A recursive schema is validated recursively: input nested deeper than the stack is refused as such, without the engine's message.
  it('refuses input nested deeper than a recursive schema can be checked, without leaking the stack overflow', async () => {
    const deep = `{"node":${'{"child":'.repeat(200_000)}{}${'}'.repeat(200_000)}}`;
    const line = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"tree","arguments":${deep}}}`;
    const r = await exchange([...opening, line, '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"lookup","arguments":{"key":"e"}}}'], join(src, 'count-tree.txt'));
    expect(r.code, r.stderr).toBe(0);
    const byId = new Map(r.answers.map((a) => [a.id, a.result as { isError?: boolean; content?: { text: string }[]; structuredContent?: unknown }]));
    const text = byId.get(1)?.content?.[0]?.text ?? '';
    expect(byId.get(1)?.isError, JSON.stringify(r.answers).slice(0, 500)).toBe(true);
    expect(text).toContain('nests too deeply to validate');
    expect(text).not.toMatch(/call stack|RangeError/);
    expect(byId.get(2)?.structuredContent).toEqual({ value: 'E' });
  }, 60_000);
});
