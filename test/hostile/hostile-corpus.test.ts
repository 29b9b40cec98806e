/**
 * The hostile corpus: each input an attacker or an unlucky user can hand
 * mcpgen, with the exact diagnostic, location and exit code it must get.
 * Runs the built CLI as a process (a stack overflow or hang in-process would
 * take vitest down with it); every case also asserts no stack trace and no
 * internal error (exit 70).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';

interface HostileCase {
  name: string;
  /** Files by relative path; `mcp.yaml` (or the first) is the manifest unless `args` say otherwise. */
  files: Record<string, string | Buffer>;
  args?: string[];
  /** Special files made with a shell command in the case folder. */
  setup?: string;
  code: number;
  diagnostic: string;
  /** `file:line:col` the diagnostic must carry. */
  at: string;
  /** Text that must NOT appear anywhere in the output (leaked content). */
  notInOutput?: string;
  /** Text that must appear in the message. */
  says?: string;
}

const server = 'server: { name: s, version: 1.0.0 }\n';
const tool = (schema: string) => `${server}tools:\n  - name: t\n    description: d\n    inputSchema: ${schema}\n`;

function aliasBomb(): string {
  let out = `${server}x:\n  a: &a [x, x, x, x, x, x, x, x, x]\n`;
  let prev = 'a';
  for (let i = 0; i < 9; i++) {
    out += `  b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    prev = `b${i}`;
  }
  return out;
}

const cases: HostileCase[] = [
  {
    name: '10,000 nested JSON arrays',
    files: { 'mcp.json': `{"tools":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
    code: 2,
    diagnostic: 'load/too-deep',
    at: 'mcp.json:1:138',
  },
  {
    name: '10,000 nested YAML flow mappings',
    files: { 'mcp.yaml': `tools: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
    code: 2,
    diagnostic: 'load/too-deep',
    at: 'mcp.yaml:1:',
  },
  {
    name: '10,000 nested YAML block sequences',
    files: { 'mcp.yaml': `tools:\n${'- '.repeat(10_000)}x\n` },
    code: 2,
    diagnostic: 'load/too-deep',
    at: 'mcp.yaml:2:',
  },
  {
    name: 'an empty file',
    files: { 'mcp.yaml': '' },
    code: 2,
    diagnostic: 'load/empty',
    at: 'mcp.yaml:1:1',
  },
  {
    name: 'only a comment',
    files: { 'mcp.yaml': '# nothing yet\n' },
    code: 2,
    diagnostic: 'load/empty',
    at: 'mcp.yaml:1:1',
  },
  {
    name: 'UTF-16 with a byte order mark',
    files: { 'mcp.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(server, 'utf16le')]) },
    code: 2,
    diagnostic: 'load/encoding',
    at: 'mcp.yaml:1:1',
    says: 'UTF-16',
  },
  {
    name: 'invalid UTF-8 in a value',
    files: { 'mcp.yaml': Buffer.concat([Buffer.from('server:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n  version: 1.0.0\n')]) },
    code: 2,
    diagnostic: 'load/encoding',
    at: 'mcp.yaml:2:12',
    says: '0xE9',
  },
  {
    name: 'a YAML alias bomb',
    files: { 'mcp.yaml': aliasBomb() },
    code: 2,
    diagnostic: 'load/alias-bomb',
    at: 'mcp.yaml:6:',
  },
  {
    // Found by the fuzzer: the yaml package stringified the key and printed a Node warning.
    name: 'a YAML mapping key that is a list',
    files: { 'mcp.yaml': `${server}tools:\n  - name: t\n    inputSchema:\n      type: object\n      ? [a, b]\n      : 1\n` },
    code: 2,
    diagnostic: 'load/complex-key',
    at: 'mcp.yaml:',
    notInOutput: 'Warning:',
  },
  {
    // Found by the fuzzer: a tagged scalar key decodes to bytes, which the yaml package stringified with a warning.
    name: 'a YAML mapping key that is a !!binary scalar',
    files: { 'mcp.yaml': `${server}tools:\n  - name: t\n    inputSchema:\n      type: object\n      ? !!binary aGVsbG8=\n      : 1\n` },
    code: 2,
    diagnostic: 'load/complex-key',
    at: 'mcp.yaml:',
    notInOutput: 'Warning:',
  },
  {
    name: 'an empty revision',
    files: { 'mcp.yaml': `revision: ""\n${server}` },
    code: 2,
    diagnostic: 'spec/unknown-revision',
    at: 'mcp.yaml:1:11',
  },
  {
    name: 'a file larger than --max-input-size',
    files: { 'mcp.yaml': `${server}description: "${'x'.repeat(2 * 1024 * 1024)}"\n` },
    args: ['lint', 'mcp.yaml', '--max-input-size', '1'],
    code: 2,
    diagnostic: 'input/too-large',
    at: 'mcp.yaml:1:1',
    says: '1 MB',
  },
  {
    name: '/dev/zero',
    files: {},
    args: ['lint', '/dev/zero'],
    code: 2,
    diagnostic: 'input/unreadable',
    at: '/dev/zero:1:1',
    says: 'not a regular file',
  },
  {
    name: 'a FIFO nobody writes to',
    files: {},
    setup: 'mkfifo mcp.yaml',
    code: 2,
    diagnostic: 'input/unreadable',
    at: 'mcp.yaml:1:1',
    says: 'a pipe',
  },
  {
    name: '$ref to /etc/passwd',
    files: { 'mcp.yaml': tool('{ $ref: /etc/passwd }') },
    code: 2,
    diagnostic: 'load/ref-outside-project',
    at: 'mcp.yaml:5:26',
    notInOutput: 'root:x:0',
  },
  {
    name: '$ref climbing out with ..',
    files: { 'p/mcp.yaml': tool('{ type: object, properties: { a: { $ref: ../secret.json } } }'), 'secret.json': '{"type":"object","title":"TOP-SECRET"}' },
    args: ['lint', 'p/mcp.yaml'],
    code: 2,
    diagnostic: 'load/ref-outside-project',
    at: 'p/mcp.yaml:5:',
    notInOutput: 'TOP-SECRET',
  },
  {
    name: 'a nested $ref to a missing file',
    files: { 'mcp.yaml': tool('{ type: object, properties: { a: { $ref: ./nope.json } } }') },
    code: 2,
    diagnostic: 'load/ref-not-found',
    at: 'mcp.yaml:5:',
  },
  {
    name: 'a $ref cycle across files',
    files: {
      'mcp.yaml': tool('{ $ref: ./a.json }'),
      'a.json': '{"type":"object","properties":{"b":{"$ref":"./b.json"}}}',
      'b.json': '{"type":"object","properties":{"a":{"$ref":"./a.json"}}}',
    },
    code: 2,
    diagnostic: 'load/ref-cycle',
    at: 'b.json:1:',
  },
];

describe('hostile input corpus', () => {
  it.each(cases)('$name', async (c) => {
    const dir = tempDir('mcpgen-hostile-');
    for (const [path, content] of Object.entries(c.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    if (c.setup) execFileSync('sh', ['-c', c.setup], { cwd: dir });
    const args = c.args ?? ['lint', Object.keys(c.files)[0] ?? 'mcp.yaml'];
    const run = await runCliAsync([...args, '--format', 'json'], { cwd: dir, env: { MCPGEN_DEBUG: '' } });
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(c.code);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; file?: string; line?: number; column?: number }[] };
    const found = report.diagnostics.find((d) => d.code === c.diagnostic);
    expect(found, JSON.stringify(report.diagnostics)).toBeDefined();
    expect(`${found!.file}:${found!.line}:${found!.column}`).toMatch(new RegExp('^' + c.at.replace(/[.$]/g, '\\$&')));
    if (c.says) expect(found!.message).toContain(c.says);
    if (c.notInOutput) expect(run.stdout + run.stderr).not.toContain(c.notInOutput);
  });
});
