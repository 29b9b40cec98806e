/**
 * The CLI as users run it: a real process, exit codes, and messages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../generator/cli/render-help-cache.js';
import { HELP_COMMAND_PATHS } from '../../generator/cli/help-cache.js';
import { copySpecDir, tamperOneByte } from '../helpers/spec-copy.js';
import { samplesDir, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

const sample = join(samplesDir, 'weather', 'mcp.yaml');

describe('mcpgen CLI', () => {
  it('prints help and version, exit 0', () => {
    const help = runCliProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('mcpgen generate');
    expect(help.stdout).toContain('Exit codes');
    const version = runCliProcess(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('serves every cached help screen exactly as yargs renders it', async () => {
    for (const path of HELP_COMMAND_PATHS) {
      const argv = [...(path ? path.split(' ') : []), '--help'];
      const printed = runCliProcess(argv).stdout;
      expect(printed, path).toBe((await renderHelp(path)) + '\n');
    }
  });

  it('exits 2 with a hint on a usage error', () => {
    const r = runCliProcess(['generate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: bogus');
    expect(r.stderr).toContain('--help');
    const missing = runCliProcess(['generate', '--out', tempDir()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--manifest');
  });

  it('generate, then --check exits 0; after an edit --check exits 1 and names the file', () => {
    const out = tempDir();
    const gen = runCliProcess(['generate', '-m', sample, '-o', out, '--emit', 'manifest']);
    expect(gen.code, gen.stderr).toBe(0);
    expect(runCliProcess(['generate', '-m', sample, '-o', out, '--check']).code).toBe(0);
    writeFileSync(join(out, 'manifest.json'), readFileSync(join(out, 'manifest.json'), 'utf8').replace('weather', 'whether'));
    const check = runCliProcess(['generate', '-m', sample, '-o', out, '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(join(out, 'manifest.json'));
    expect(check.stderr).toContain('output/stale');
  });

  it('--dry-run lists changes and writes nothing', () => {
    const out = join(tempDir(), 'x');
    const r = runCliProcess(['generate', '-m', sample, '-o', out, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would create');
    expect(() => readFileSync(join(out, 'manifest.json'))).toThrow();
  });

  it('reports bad input with file:line:col, a code frame, exit 2, and no stack trace', () => {
    const dir = writeFiles({ 'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { $ref: ./missing.json }\nfoo: 1\n' });
    const r = runCliProcess(['generate', '-m', 'mcp.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mcp.yaml:3:26  error  load/ref-not-found');
    expect(r.stderr).toContain('mcp.yaml:4:1  error  load/unknown-key');
    expect(r.stderr).toContain('> 4 | foo: 1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = runCliProcess(['generate', '-m', 'mcp.yaml', '-o', 'out', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(json.stdout);
    expect(report.diagnostics[0]).toMatchObject({ file: 'mcp.yaml', line: 3, column: 26, severity: 'error', code: 'load/ref-not-found' });
  });

  it('fails every command that needs a tampered revision with exit 2', () => {
    const specs = copySpecDir(['2025-11-25', '2025-06-18']);
    tamperOneByte(specs, '2025-11-25');
    const env = { MCPGEN_SPEC_DIR: specs };
    const verify = runCliProcess(['spec', 'verify'], { env });
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain('does not match the pinned hash of revision 2025-11-25');
    const list = runCliProcess(['spec', 'list'], { env });
    expect(list.code).toBe(2);
    expect(list.stdout).toContain('HASH MISMATCH');
    const gen = runCliProcess(['generate', '-m', sample, '-o', tempDir(), '-r', '2025-11-25'], { env });
    expect(gen.code).toBe(2);
    expect(gen.stderr).toContain('spec/hash-mismatch');
    const lint = runCliProcess(['lint', sample, '-r', '2025-11-25'], { env });
    expect(lint.code).toBe(2);
    // The untouched revision still works, and --allow-unpinned accepts the file with a warning.
    expect(runCliProcess(['lint', sample, '-r', '2025-06-18'], { env }).code).toBe(0);
    const allowed = runCliProcess(['lint', sample, '-r', '2025-11-25', '--allow-unpinned'], { env });
    expect(allowed.stderr).toContain('warning  spec/hash-mismatch');
    expect(allowed.code).toBe(0);
  });

  it('names the pull command when a revision is missing', () => {
    const r = runCliProcess(['lint', sample, '-r', '2024-11-05', '--offline'], { env: { MCPGEN_SPEC_DIR: tempDir(), XDG_CACHE_HOME: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mcpgen spec pull 2024-11-05');
  });

  it('rejects an unknown revision with exit 2', () => {
    const r = runCliProcess(['generate', '-m', sample, '-o', tempDir(), '-r', '2030-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown MCP revision "2030-01-01"');
  });

  it('spec list shows six revisions, five pinned and matching, draft unpinned', () => {
    const r = runCliProcess(['spec', 'list', '--format', 'json']);
    const rows = JSON.parse(r.stdout) as { revision: string; pin: string }[];
    expect(rows.map((x) => `${x.revision}:${x.pin}`)).toEqual([
      '2024-11-05:match', '2025-03-26:match', '2025-06-18:match', '2025-11-25:match', '2026-07-28:match', 'draft:unpinned',
    ]);
  });

  it('takes defaults from mcpgen.config.json', () => {
    const dir = writeFiles({
      'mcpgen.config.json': JSON.stringify({ manifests: [sample], out: 'gen', emit: ['manifest'], revision: '2026-07-28' }),
    });
    const r = runCliProcess(['generate'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'gen', 'manifest.json'), 'utf8')).revision).toBe('2026-07-28');
  });
});
