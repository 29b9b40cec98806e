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
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules } from './server-package.js';

const manifest = {
  revision: '2025-11-25',
  server: { name: 'counted', version: '1.0.0' },
  tools: [
    {
      name: 'lookup',
      inputSchema: { type: 'object', properties: { key: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['key'] },
      outputSchema: { type: 'object', properties: { value: { type: 'string' } }, required: ['value'] },
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

  /** Serves `calls` tools/call lines (after initialize) and closes stdin; the answers and JSON.parse count. */
  function serve(calls: number): Promise<{ answers: Record<string, unknown>[]; parses: number; code: number | null; stderr: string }> {
    const countFile = join(src, `count-${calls}.txt`);
    const lines: unknown[] = [
      { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1.0.0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
    ];
    for (let id = 1; id <= calls; id++) lines.push({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'lookup', arguments: { key: `k${id}`, tags: ['a', 'b'] } } });
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', join(src, 'count-parse.mjs'), join(dir, 'dist', 'server.js'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, COUNT_FILE: countFile, MCPGEN_VALIDATE_OUTPUT: '1' },
      });
      let raw = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (raw += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        const answers = raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
        resolve({ answers, parses: Number(readFileSync(countFile, 'utf8')), code, stderr });
      });
      child.stdin.end(lines.map((l) => JSON.stringify(l) + '\n').join(''));
    });
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
});
