/**
 * Installs mcpgen as a user does: `npm pack`, then the tarball into an empty
 * project, then `npx mcpgen --help` and a generate of the example there.
 * Dependencies come from the local npm cache (`--prefer-offline`), so this
 * needs no network once `npm ci` has run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, specDir, tempDir } from '../helpers/paths.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('installable from the packed tarball', () => {
  it('packs only what runs, installs into an empty project, and generates there', () => {
    const dest = tempDir('mcpgen-pack-');
    // The build is already done (pretest); --ignore-scripts keeps `prepare` from building again.
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: repoRoot, encoding: 'utf8' }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    // The executable is the bundle (scripts/bundle-cli.mjs); the library entry stays tsc's output.
    expect(files).toContain('dist/generator/bin/mcpgen.cjs');
    expect(files).toContain('dist/generator/index.js');
    expect(files).toContain('dist/generator/help-cache.json');
    expect(files.some((f) => f.startsWith('templates/server/'))).toBe(true);
    expect(files.some((f) => f.startsWith('schema/'))).toBe(true);
    expect(files.filter((f) => /^(test|bench|output-samples|generator)\//.test(f) || f.startsWith('dist/test/') || f.startsWith('dist/bench/'))).toEqual([]);

    const project = tempDir('mcpgen-user-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dest, packed[0]!.filename)], {
      cwd: project,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    const help = execFileSync('npx', ['--no-install', 'mcpgen', '--help'], { cwd: project, encoding: 'utf8' });
    expect(help).toContain('Usage: mcpgen <command> [options]');

    cpSync(join(samplesDir, 'weather', 'mcp.yaml'), join(project, 'mcp.yaml'));
    cpSync(join(samplesDir, 'weather', 'schemas'), join(project, 'schemas'), { recursive: true });
    const out = execFileSync('npx', ['--no-install', 'mcpgen', 'generate', '-m', 'mcp.yaml', '-o', 'generated', '--emit', 'manifest,server'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, MCPGEN_SPEC_DIR: specDir() },
    });
    expect(out).toContain('generated: changed');
    expect(existsSync(join(project, 'generated', 'manifest.json'))).toBe(true);
    expect(readdirSync(join(project, 'generated', 'src'))).toContain('generated');
  }, 300_000);
});
