/**
 * The caches that must not outlive a change to mcpgen itself (the no-op stamp
 * and the content cache) identify it by its files (generator-files.ts): the
 * modules that run, the bundle's chunks included, and every template and
 * schema file.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodeModule, listGeneratorFiles } from '../../generator/generator-files.js';
import { cliBin, repoRoot, specDir, tempDir } from '../helpers/paths.js';

describe("mcpgen's own files", () => {
  it('counts every kind of module as code, and no declaration file or code cache', () => {
    for (const name of ['generate-AbCd1234.cjs', 'run.js', 'loader.mjs', 'plan-output.ts', 'revisions.json']) expect(isCodeModule(name), name).toBe(true);
    for (const name of ['plan-output.d.ts', 'generate-AbCd1234.cjs.v8cache', 'help-cache.json', 'plan-output.js.map']) expect(isCodeModule(name), name).toBe(false);
  });

  it('lists the templates whatever their extension', () => {
    const keys = listGeneratorFiles().map((f) => f.key);
    for (const key of ['templates/docs/page/page.css', 'templates/init/gitignore', 'schema/revisions.json']) expect(keys).toContain(key);
    // Run from source here: the code is the TypeScript modules.
    expect(keys).toContain('code/output/run-stamp.ts');
  });

  it("the bundled executable's no-op stamp names the chunks it runs", () => {
    const dir = tempDir('mcpgen-identity-');
    const cache = join(dir, 'cache');
    writeFileSync(join(dir, 'mcp.json'), JSON.stringify({ server: { name: 'identity', version: '1.0.0' }, tools: [{ name: 'ping', inputSchema: { type: 'object' } }] }));
    const r = spawnSync(process.execPath, [cliBin, 'generate', '-m', 'mcp.json', '-r', '2025-11-25', '-e', 'manifest,server', '-o', 'out'], {
      cwd: dir,
      env: { ...process.env, MCPGEN_SPEC_DIR: specDir(), XDG_CACHE_HOME: cache },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const stamps = join(cache, 'mcpgen', 'stamps');
    const [file] = readdirSync(stamps);
    const { stamp } = JSON.parse(readFileSync(join(stamps, file!), 'utf8')) as { stamp: { context: string } };
    const code = (JSON.parse(stamp.context) as { code: string }).code.split('\n').map((line) => line.split('\0')[0]!);
    const bin = join(repoRoot, 'dist', 'generator', 'bin');
    const chunks = readdirSync(bin).filter((f) => f.endsWith('.cjs'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(code).toContain(join(bin, chunk));
    expect(code.some((path) => path.endsWith('.v8cache'))).toBe(false);
  });
});
