/**
 * `mcpgen init` tested as a user: `npm pack` this checkout, `init --yes` into
 * temp folders, `npm install` the tarball (from the local npm cache), then the
 * project's own `npm run build`, `npm test`, `npm run check`, a stdio call
 * through the official client, and `mcpgen add tool` → regenerate →
 * implement → test again.
 *
 * One full run installs for the richest combination (stdio + HTTP, OAuth).
 * Every other transport/auth combination has the same package.json
 * dependencies (asserted), so it reuses that node_modules and runs its own
 * build and tests; the revisions vary across them so the old (no structured
 * output) and stateless (pinned client) branches of the templates run too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

/** The outer `npm test` exports npm_config_* (prefix, local_prefix, ...): a child npm must not inherit them. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'FORCE_COLOR'));
  return { ...env, NO_COLOR: '1' };
}

function run(command: string, args: string[], cwd: string, timeout = 300_000): string {
  const r = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal} in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

const npm = (cwd: string, ...args: string[]) => run('npm', args, cwd);

function init(parent: string, name: string, flags: string[]): string {
  const r = runCliProcess(['init', name, '--yes', ...flags], { cwd: parent });
  if (r.code !== 0) throw new Error(`init ${flags.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return join(parent, name);
}

function dependencies(dir: string): unknown {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dependencies: pkg.dependencies, devDependencies: { ...pkg.devDependencies, mcpgen: undefined } };
}

async function callOverStdio(dir: string, name: string, args: Record<string, unknown>) {
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
  try {
    return await client.callTool({ name, arguments: args });
  } finally {
    await client.close();
  }
}

const SHOUT_HANDLER = `import type { ShoutHandler } from '../../generated/types.js';

export const handler: ShoutHandler = async ({ text }) => ({ content: [{ type: 'text', text: text.toUpperCase() }] });
`;

const SHOUT_TEST = `import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { expect, it } from 'vitest';

it('shouts', async () => {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [new URL('../dist/server.js', import.meta.url).pathname, '--stdio'] }));
  const result = await client.callTool({ name: 'shout', arguments: { text: 'hi' } });
  await client.close();
  expect(result.content).toEqual([{ type: 'text', text: 'HI' }]);
});
`;

describe('mcpgen init, as a user', () => {
  let work = '';
  let tarball = '';
  let full = '';

  beforeAll(() => {
    work = tempDir('mcpgen-init-e2e-');
    // dist/ is built by `npm test` (pretest); packing must not rebuild it.
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], repoRoot).trim().split('\n').pop()!;
    tarball = join(work, packed);
  }, 120_000);

  afterAll(() => undefined);

  it('both transports with OAuth: install the tarball, build, test, check, call over stdio; add a tool, implement it, test again', async () => {
    full = init(work, 'full', ['--transport', 'both', '--auth', 'oauth', '--docker']);
    npm(full, 'install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', tarball);
    expect(JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')).devDependencies.mcpgen).toMatch(/^file:/);
    npm(full, 'run', 'build');
    expect(npm(full, 'test')).toMatch(/Tests\s+3 passed/);
    expect(npm(full, 'run', 'check')).toContain('0 errors, 0 warnings');
    const counted = await callOverStdio(full, 'word_count', { text: 'a b' });
    expect(counted.structuredContent).toEqual({ words: 2, characters: 3 });

    // Grow it: the installed mcpgen adds a tool and regenerates; the stub compiles, answers "not implemented" until written.
    const added = run('npx', ['mcpgen', 'add', 'tool', 'shout', '--description', 'Upper-cases a text.', '--arg', 'text:string!'], full);
    expect(added).toContain(`Created ${join('src', 'handlers', 'tools', 'shout.ts')}`);
    npm(full, 'run', 'build');
    expect((await callOverStdio(full, 'shout', { text: 'hi' })).isError).toBe(true);
    writeFileSync(join(full, 'src', 'handlers', 'tools', 'shout.ts'), SHOUT_HANDLER);
    writeFileSync(join(full, 'test', 'shout.test.ts'), SHOUT_TEST);
    expect(npm(full, 'test')).toMatch(/Tests\s+4 passed/);
    expect(npm(full, 'run', 'check')).toContain('0 errors');
  }, 900_000);

  const others: [string, string[]][] = [
    ['stdio, no auth, 2025-03-26 (no structured output)', ['--transport', 'stdio', '--revision', '2025-03-26']],
    ['HTTP, no auth', ['--transport', 'http']],
    ['HTTP, bearer, 2026-07-28 (stateless)', ['--transport', 'http', '--auth', 'bearer', '--revision', '2026-07-28']],
    ['HTTP, OAuth, 2025-06-18', ['--transport', 'http', '--auth', 'oauth', '--revision', '2025-06-18']],
    ['both, no auth, 2026-07-28', ['--transport', 'both', '--revision', '2026-07-28']],
    ['both, bearer', ['--transport', 'both', '--auth', 'bearer']],
  ];
  // `npm test` compiles first (tsc -p tsconfig.json, the same as `npm run build`), so one run covers both.
  it.each(others)('%s: builds and its tests pass (same dependencies, shared node_modules)', (_label, flags) => {
    expect(full, 'the full run comes first').not.toBe('');
    const dir = init(work, `p${readdirSync(work).length}`, flags);
    expect(dependencies(dir)).toEqual(dependencies(full));
    symlinkSync(join(full, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const output = npm(dir, 'test');
    const [, passed, total] = /Tests\s+(\d+) passed \((\d+)\)/.exec(output) ?? [];
    expect(passed, output).toBeDefined();
    expect(passed).toBe(total);
  }, 300_000);
});
