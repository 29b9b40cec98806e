/**
 * ts-morph (and the TypeScript compiler it bundles) stays off the start-up
 * path: with a preload hook that makes importing them fail, --help and lint
 * still work; the typecheck command is the control that proves the hook bites.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot, samplesDir } from '../helpers/paths.js';

const hook = join(repoRoot, 'test', 'helpers', 'forbid-imports.mjs');

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', hook, cliBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, MCPGEN_FORBID_IMPORTS: 'ts-morph,typescript' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ts-morph is loaded lazily', () => {
  const weather = join(samplesDir, 'weather', 'mcp.yaml');

  it('mcpgen --help, lint, migrate and diff of two manifests never import it', () => {
    expect(run(['--help']).code).toBe(0);
    expect(run(['check', '--help']).code).toBe(0);
    const lint = run(['lint', weather]);
    expect(lint.stderr).not.toContain('forbidden import');
    expect(lint.code).toBe(0);
    const migrate = run(['migrate', weather, '--to', '2026-07-28']);
    expect(migrate.stderr).not.toContain('forbidden import');
    expect(migrate.code).toBe(0);
    const diff = run(['diff', weather, weather]);
    expect(diff.stderr).not.toContain('forbidden import');
    expect(diff.code).toBe(0);
  });

  it('the hook does bite: check, which needs it, fails to load it', () => {
    const r = run(['check', '-m', weather, '-o', join(samplesDir, 'weather', 'generated', '2025-11-25')]);
    expect(r.stderr).toContain('forbidden import: ts-morph');
  });
});
