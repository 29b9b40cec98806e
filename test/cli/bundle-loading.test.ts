/**
 * The `mcpgen` executable is a bundle (scripts/bundle-cli.mjs) so that the
 * commands people run most read few of mcpgen's files: Node 20 pays a
 * resolution and file operations per module. These
 * counts guard that: a new static import that drags another chunk onto the
 * path of --help, lint or a no-op generate fails here, not in a benchmark.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot, samplesDir, specDir, tempDir } from '../helpers/paths.js';

const hook = join(repoRoot, 'test', 'helpers', 'record-loads.mjs');
const ownCode = pathToFileURL(join(repoRoot, 'dist')).href + '/';

/** Runs the CLI and returns its exit code and the mcpgen files it loaded (relative to dist/). */
function loads(args: string[], cwd = repoRoot): { code: number | null; files: string[]; stderr: string; crypto: boolean; streams: boolean } {
  const record = join(tempDir('mcpgen-loads-'), 'loads.txt');
  writeFileSync(record, '');
  const r = spawnSync(process.execPath, ['--import', hook, cliBin, ...args], {
    cwd,
    env: { ...process.env, MCPGEN_RECORD_LOADS: record, MCPGEN_SPEC_DIR: specDir() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  // With a loader registered, Node 20 reports the CommonJS entry to both hooks: each file counts once.
  const files = [
    ...new Set(
      readFileSync(record, 'utf8')
        .split('\n')
        .filter((url) => url.startsWith(ownCode))
        .map((url) => url.slice(ownCode.length)),
    ),
  ];
  const builtins = readFileSync(record, 'utf8').split('\n');
  return { code: r.status, files, stderr: r.stderr, crypto: builtins.includes('builtin:crypto'), streams: builtins.some((l) => l.startsWith('stream:')) };
}

describe('the bundled executable reads few files on the common paths', () => {
  it('is CommonJS, so no ES-module loader is set up and no built-in gets a facade', () => {
    // An ES-module entry makes Node 20 set up its ES-module loader and build a facade module per imported built-in.
    const bin = join(repoRoot, 'dist', 'generator', 'bin');
    const files = readdirSync(bin);
    // Besides the code: the V8 code caches of the chunks (scripts/code-cache-loader.cjs).
    const chunks = files.filter((f) => !f.endsWith('.cjs.v8cache'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(chunk).toMatch(/\.cjs$/);
      const code = readFileSync(join(bin, chunk), 'utf8');
      expect(code, chunk).not.toMatch(/^import\b[^;\n]*from "(node:|\.\/)[^"]+";$/m);
      expect(code, chunk).not.toMatch(/\bimport\.meta\b/);
      // ASCII only (bundle-cli.mjs asciiChunks): V8 then keeps the source one byte per character.
      expect(code, chunk).not.toMatch(/[^\x00-\x7f]/);
    }
    expect(readFileSync(cliBin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('--help reads the entry alone', () => {
    const r = loads(['--help']);
    expect(r.code).toBe(0);
    expect(r.files).toEqual(['generator/bin/mcpgen.cjs']);
  });

  it('lint reads at most six files, all from the bundle', () => {
    const r = loads(['lint', join(samplesDir, 'weather', 'mcp.yaml')]);
    expect(r.stderr).toContain('0 errors');
    expect(r.code).toBe(0);
    expect(r.files.every((f) => f.startsWith('generator/bin/'))).toBe(true);
    expect(r.files.length).toBeLessThanOrEqual(6);
    // It wrote to pipes by descriptor (cli/std-output.ts): making process.stdout would have loaded node:net.
    expect(r.streams).toBe(false);
  });

  it('a no-op generate reads at most six files; a full one loads the emitters besides', async () => {
    const dir = tempDir('mcpgen-noop-loads-');
    writeFileSync(join(dir, 'mcp.json'), JSON.stringify({ server: { name: 'loads', version: '1.0.0' }, tools: [{ name: 'ping', description: 'Ping.', inputSchema: { type: 'object' } }] }));
    writeFileSync(join(dir, 'mcpgen.config.json'), JSON.stringify({ manifests: ['mcp.json'], revision: '2025-11-25', targets: { out: { emit: ['manifest', 'server'] } } }));
    const full = loads(['generate'], dir);
    expect(full.code).toBe(0);
    // Past the no-op stamp's racy margin (100 ms), so that the next run is answered by it (a pause, not a timed assertion).
    await new Promise((r) => setTimeout(r, 300));
    const noop = loads(['generate'], dir);
    expect(noop.code).toBe(0);
    expect(noop.files.every((f) => f.startsWith('generator/bin/'))).toBe(true);
    expect(noop.files.length).toBeLessThanOrEqual(6);
    expect(full.files.length).toBeGreaterThan(noop.files.length + 5);
    // Nor does it load node:crypto (output/node-crypto.ts) once the stamp has settled (the first no-op may rewrite it:
    // run-stamp.ts settledStamp, a temporary file with a random name): it hashes nothing. The full run does.
    const again = loads(['generate'], dir);
    expect(again.code).toBe(0);
    expect(again.crypto).toBe(false);
    expect(full.crypto).toBe(true);
    expect(again.streams).toBe(false);
  });

  it('loads the chunks on the lint path with the code caches the build trained, and lints the same without them', () => {
    const manifest = join(samplesDir, 'weather', 'mcp.yaml');
    const run = (mode: string) =>
      spawnSync(process.execPath, [cliBin, 'lint', '--format', 'json', manifest], {
        env: { ...process.env, MCPGEN_SPEC_DIR: specDir(), MCPGEN_CODE_CACHE: mode },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const cached = run('report');
    expect(cached.status).toBe(0);
    const used = cached.stderr.split('\n').filter((l) => l.startsWith('mcpgen code cache: '));
    // The chunks lint needs (the shared one, lint's own), each from its cache: made by this Node, for these very chunks.
    expect(used.some((l) => /shared-[\w-]{8}\.cjs\.v8cache used$/.test(l))).toBe(true);
    expect(used.some((l) => /lint-[\w-]{8}\.cjs\.v8cache used$/.test(l))).toBe(true);
    expect(used.filter((l) => l.endsWith('not used'))).toEqual([]);
    const plain = run('off');
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain('mcpgen code cache');
    expect(cached.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).diagnostics).toEqual([]);
  });

  it("leaves no dynamic import in the chunks: they import through the entry, which Node loads itself", () => {
    // The chunks are compiled by vm.Script (code caches), where import() works only through an experimental option.
    const bin = join(repoRoot, 'dist', 'generator', 'bin');
    const importsIn = (code: string, file: string): number => {
      let count = 0;
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        if ((node as { type?: string }).type === 'ImportExpression') count++;
        for (const value of Object.values(node)) visit(value);
      };
      visit(parseAst(code, { sourceType: 'script' }, file));
      return count;
    };
    const chunks = readdirSync(bin).filter((f) => f.endsWith('.cjs') && f !== 'mcpgen.cjs');
    for (const chunk of chunks) expect(importsIn(readFileSync(join(bin, chunk), 'utf8'), chunk), chunk).toBe(0);
    expect(importsIn(readFileSync(cliBin, 'utf8').replace(/^#!.*/, ''), 'mcpgen.cjs')).toBe(1);
  });
});
