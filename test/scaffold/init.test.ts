/**
 * `mcpgen init` as a user runs it (a real process): the files it writes, the
 * same bytes for the same answers, refusing non-empty folders, --force and
 * --dry-run, nothing left behind on failure, and the answer checks. Building
 * and testing the scaffolded projects is test/e2e/init-project.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answersFromArgs } from '../../generator/cli/commands/init-run.js';
import { loadConfig } from '../../generator/config/load-config.js';
import { emitterNames } from '../../generator/emit/registry.js';
import { packageVersion } from '../../generator/package-root.js';
import { defaultAnswers } from '../../generator/scaffold/init-answers.js';
import { listFiles } from '../../generator/scaffold/init-project.js';
import { askAnswers } from '../../generator/scaffold/init-prompts.js';
import { packageScripts } from '../../generator/scaffold/project-commands.js';
import { scaffoldFiles, TEST_DEPENDENCIES } from '../../generator/scaffold/project-files.js';
import { cliBin, repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

function init(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return runCliProcess(['init', ...args], { cwd, env });
}

/** Every file init writes for `--transport both --auth bearer --docker` (the server emitter adds tsconfig, src/server.ts, src/setup.ts, src/generated/). */
const BOTH_BEARER_FILES = [
  '.dockerignore',
  '.github/workflows/ci.yml',
  '.gitignore',
  '.mcp.json',
  '.mcpgen/cache.json',
  '.mcpgen/files.json',
  '.vscode/mcp.json',
  'Dockerfile',
  'README.md',
  'clients/claude-desktop.json',
  'clients/http.json',
  'mcp.yaml',
  'mcpgen.config.json',
  'package.json',
  'scripts/dev.mjs',
  'src/auth.ts',
  'src/generated/bad-input.ts',
  'src/generated/create-server.ts',
  'src/generated/errors.ts',
  'src/generated/handlers.ts',
  'src/generated/http.ts',
  'src/generated/main.ts',
  'src/generated/metadata.ts',
  'src/generated/older-revisions.ts',
  'src/generated/origins.ts',
  'src/generated/principals.ts',
  'src/generated/register.ts',
  'src/generated/runtime.ts',
  'src/generated/scopes.ts',
  'src/generated/sdk-compat.ts',
  'src/generated/server-options.ts',
  'src/generated/sessions.ts',
  'src/generated/shutdown.ts',
  'src/generated/stdio.ts',
  'src/generated/tools/wordCount.input.ts',
  'src/generated/tools/wordCount.output.ts',
  'src/generated/types.ts',
  'src/generated/uri-template.ts',
  'src/generated/validators/2020-12.ts',
  'src/generated/validators/index.ts',
  'src/handlers/prompts/summarizeNote.ts',
  'src/handlers/resources/notesIndex.ts',
  'src/handlers/templates/note.ts',
  'src/handlers/tools/wordCount.ts',
  'src/notes.ts',
  'src/server.ts',
  'src/setup.ts',
  'test/server.test.ts',
  'tsconfig.json',
  'vitest.config.ts',
];

describe('mcpgen init', () => {
  it('writes a complete project: manifest with $schema and every kind of entry, config, scripts, mcpgen at this version', () => {
    const cwd = tempDir();
    const r = init(['my-server', '--yes', '--transport', 'both', '--auth', 'bearer', '--docker', '--description', 'Notes: "quoted" & #hash'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = join(cwd, 'my-server');
    expect(listFiles(dir)).toEqual(BOTH_BEARER_FILES);
    for (const f of BOTH_BEARER_FILES.filter((f) => f !== '.mcpgen/files.json')) expect(r.stdout).toContain(`  ${f}\n`);

    const yamlText = readFileSync(join(dir, 'mcp.yaml'), 'utf8');
    expect(yamlText.split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/mcpgen/schema/manifest.schema.json');
    const manifest = parse(yamlText);
    expect(manifest.server).toEqual({ name: 'my-server', version: '0.1.0', description: 'Notes: "quoted" & #hash' });
    expect(manifest.tools[0].outputSchema.required).toEqual(['words', 'characters']);
    expect(manifest.resources).toHaveLength(1);
    expect(manifest.resourceTemplates).toHaveLength(1);
    expect(manifest.prompts).toHaveLength(1);
    expect(manifest.auth.resource).toBe('http://localhost:3000/mcp');

    expect(JSON.parse(readFileSync(join(dir, 'mcpgen.config.json'), 'utf8'))).toEqual({
      manifests: ['mcp.yaml'],
      revision: '2025-11-25',
      targets: { '.': { emit: ['server'] } },
    });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.mcpgen).toBe(packageVersion());
    expect(pkg.main).toBe('dist/server.js');
    expect(Object.keys(pkg.scripts)).toEqual(['generate', 'build', 'start', 'start:http', 'dev', 'test', 'inspect', 'check']);
    expect(pkg.scripts.generate).toBe('mcpgen generate');
    expect(pkg.scripts.check).toBe('mcpgen generate --check && mcpgen lint mcp.yaml');
    expect(readFileSync(join(dir, '.github/workflows/ci.yml'), 'utf8')).toMatch(/npm ci[\s\S]*npm run check[\s\S]*npm test/);
    expect(pkg.scripts.start).toBe('node dist/server.js --stdio');
    expect(pkg.scripts['start:http']).toBe('node dist/server.js --port 3000');
    // The handlers are working examples, not the emitter's "not implemented" stubs.
    for (const f of BOTH_BEARER_FILES.filter((f) => f.startsWith('src/handlers/') || f === 'src/auth.ts')) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/not implemented/i);
    }
    // The project's own generate --check is clean right after init (run from inside it, config included).
    const check = runCliProcess(['generate', '--manifest', 'mcp.yaml', '--emit', 'server', '--out', '.', '--check'], { cwd: dir });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const configOnly = runCliProcess(['generate', '--check'], { cwd: dir });
    expect(configOnly.code).toBe(0);
  });

  it('gives the same bytes for the same answers, whatever the folder', () => {
    const a = tempDir();
    const b = tempDir();
    expect(init(['one', '--yes', '--name', 'same', '--transport', 'http', '--auth', 'oauth'], a).code).toBe(0);
    expect(init(['two', '--yes', '--name', 'same', '--transport', 'http', '--auth', 'oauth'], b).code).toBe(0);
    const files = listFiles(join(a, 'one'));
    expect(listFiles(join(b, 'two'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, 'two', f), 'utf8'), f).toBe(readFileSync(join(a, 'one', f), 'utf8'));
  });

  it('refuses a non-empty folder (exit 2, nothing changed); --dry-run lists; --force lists what it replaces, then replaces', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    writeFileSync(join(dir, 'notes.txt'), 'keep\n');
    const refused = init(['.', '--yes'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty (README.md, notes.txt)');
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'notes.txt']);

    const dry = init(['.', '--yes', '--force', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('  replace README.md\n');
    expect(dry.stdout).toContain('  create  mcp.yaml\n');
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'notes.txt']);

    const forced = init(['.', '--yes', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe(`mcpgen init replaces 1 existing file in .:\n  README.md\n`);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('# ');
    expect(existsSync(join(dir, 'src', 'generated', 'types.ts'))).toBe(true);
  });

  it('fills an existing empty folder in place: it stays the same folder (a shell may be in it)', () => {
    const dir = tempDir();
    const inode = statSync(dir).ino;
    // Without a terminal, init asks nothing even without --yes.
    const r = init([], dir);
    expect(r.code).toBe(0);
    expect(statSync(dir).ino).toBe(inode);
    expect(existsSync(join(dir, 'mcp.yaml'))).toBe(true);
    expect(readdirSync(join(dir, '..')).filter((f) => f.startsWith('.') && f.includes('.mcpgen-init-'))).toEqual([]);
  });

  it('leaves nothing behind when a step fails (no spec: exit 2)', () => {
    const cwd = tempDir();
    const empty = tempDir();
    const r = init(['nested/project', '--yes'], cwd, { MCPGEN_SPEC_DIR: empty, XDG_CACHE_HOME: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('spec/missing');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('checks answers: stdio with auth, bad names, unknown revisions, unknown --with (exit 2, nothing written)', () => {
    const cwd = tempDir();
    const cases: [string[], string][] = [
      [['--transport', 'stdio', '--auth', 'bearer'], '--auth bearer needs the HTTP transport'],
      [['--name', 'bad name'], 'is not a usable server name'],
      [['--revision', '2099-01-01'], 'Unknown MCP revision "2099-01-01"'],
      [['--with', 'server,graphql'], '--with: unknown output "graphql"'],
      [['--transport', 'carrier-pigeon'], 'Invalid values'],
    ];
    for (const [args, message] of cases) {
      const r = init(['p', '--yes', ...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--with client,docs adds those outputs only when this mcpgen can generate them, and says so otherwise', () => {
    const cwd = tempDir();
    const r = init(['p', '--yes', '--with', 'client,docs'], cwd);
    const missing = ['client', 'docs'].filter((e) => !emitterNames().includes(e));
    if (missing.length) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--with ${missing.join(',')}: `);
      expect(r.stderr).toContain('not available in this version of mcpgen');
      expect(readdirSync(cwd)).toEqual([]);
    } else {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // The client is a package of its own, so it is a target of its own (client/); docs go with the server.
      const config = JSON.parse(readFileSync(join(cwd, 'p', 'mcpgen.config.json'), 'utf8'));
      expect(config.targets).toEqual({ '.': { emit: ['server', 'docs'] }, client: { emit: ['client'] } });
      expect(existsSync(join(cwd, 'p', 'client', 'package.json'))).toBe(true);
      expect(existsSync(join(cwd, 'p', 'docs', 'README.md'))).toBe(true);
    }
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('mcpgen init in a terminal', () => {
  // util-linux `script` gives the CLI a pseudo-terminal as stdin.
  it.skipIf(!hasScript)('asks its questions when stdin is a terminal', async () => {
    const cwd = tempDir();
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(cliBin)} init tty-project`, '/dev/null'], { cwd, env: process.env });
    let shown = '';
    child.stdout.on('data', (d: Buffer) => (shown += d.toString()));
    // name, description, transport, auth, revision, [extra outputs, when this mcpgen has any], package manager, CI, Docker
    const asksExtras = ['client', 'docs'].some((e) => emitterNames().includes(e));
    child.stdin.write(['tty-demo', '', 'http', 'bearer', '', ...(asksExtras ? [''] : []), '', 'n', ''].join('\n') + '\n');
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill(), 60_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.destroy();
    expect(shown).toContain('Transport: stdio, http, both');
    expect(code).toBe(0);
    const dir = join(cwd, 'tty-project');
    expect(parse(readFileSync(join(dir, 'mcp.yaml'), 'utf8')).server.name).toBe('tty-demo');
    expect(existsSync(join(dir, 'src', 'auth.ts'))).toBe(true);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });
});

describe('init answers', () => {
  it('maps flags to answers and takes defaults for the rest', () => {
    const { answers, given } = answersFromArgs({ transport: 'http', with: ['server'], ci: false }, '/x/My Project');
    expect(answers).toEqual({ ...defaultAnswers('my-project'), transport: 'http', ci: false });
    expect([...given].sort()).toEqual(['ci', 'transport', 'with']);
  });

  it('asks in a terminal for what the flags did not give, re-asking after an invalid answer', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    input.end(['My notes', 'smoke', 'both', 'oauth', '2026-07-28', 'pnpm', 'n', 'y', ''].join('\n'));
    const defaults = defaultAnswers('demo');
    const answers = await askAnswers(defaults, new Set(['name']), ['manifest', 'server'], input, output);
    expect(answers).toEqual({ ...defaults, description: 'My notes', transport: 'both', auth: 'oauth', revision: '2026-07-28', packageManager: 'pnpm', ci: false, docker: true });
    expect(shown).toContain('One of stdio, http, both.');
    expect(shown).not.toContain('Server name');
    expect(shown).not.toContain('Also generate'); // no client/docs emitter known: not offered
  });

  it('answers map to files: stdio has no auth file and no HTTP test; oauth checks tokens by introspection', async () => {
    const stdio = await scaffoldFiles(defaultAnswers('s'), '9.9.9');
    const paths = stdio.map((f) => f.path);
    expect(paths).not.toContain('src/auth.ts');
    expect(paths).not.toContain('Dockerfile');
    const test = stdio.find((f) => f.path === 'test/server.test.ts')!.contents;
    expect(test).toContain("describe('stdio'");
    expect(test).not.toContain('Streamable HTTP');
    const oauth = await scaffoldFiles({ ...defaultAnswers('o'), transport: 'http', auth: 'oauth' }, '9.9.9');
    expect(oauth.find((f) => f.path === 'src/auth.ts')!.contents).toContain('OAUTH_INTROSPECTION_URL');
    expect(oauth.find((f) => f.path === 'test/server.test.ts')!.contents).not.toContain("describe('stdio'");
    expect(JSON.parse(oauth.find((f) => f.path === '.mcp.json')!.contents)).toEqual({ mcpServers: { o: { type: 'http', url: 'http://localhost:3000/mcp' } } });
    // An old revision has no outputSchema: the example returns text.
    const old = await scaffoldFiles({ ...defaultAnswers('v'), revision: '2025-03-26' }, '9.9.9');
    expect(old.find((f) => f.path === 'mcp.yaml')!.contents).not.toContain('outputSchema');
    expect(old.find((f) => f.path === 'src/handlers/tools/wordCount.ts')!.contents).not.toContain('structuredContent');
    expect(packageScripts(defaultAnswers('s')).start).toBe('node dist/server.js --stdio');
  });

  it('pins the test dependencies to the versions mcpgen itself is tested with', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const ours = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const [name, version] of Object.entries(TEST_DEPENDENCIES)) expect(ours[name], name).toBe(version);
  });
});

describe('the config init writes', () => {
  it('is a targets config that `mcpgen generate` runs with no flags', async () => {
    const cwd = tempDir();
    expect(init(['proj', '--yes'], cwd).code).toBe(0);
    const loaded = await loadConfig(undefined, join(cwd, 'proj'));
    expect(loaded.config.targets).toEqual({ '.': { emit: ['server'] } });
    const again = runCliProcess(['generate', '--check'], { cwd: join(cwd, 'proj') });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });
});

