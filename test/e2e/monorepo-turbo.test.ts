/**
 * The monorepo example on a real build engine: Turborepo runs `mcpgen
 * generate` as a cached root task. The second run is restored from turbo's
 * cache; deleted outputs come back from it and `mcpgen generate --check` is
 * clean afterwards; a manifest edit runs the task again.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot, samplesDir, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

const turboBin = join(repoRoot, 'node_modules', '.bin', 'turbo');

function turbo(cwd: string): { code: number; out: string } {
  const r = spawnSync(turboBin, ['run', 'generate', '--cache-dir', '.turbo-cache', '--no-daemon', '--output-logs', 'full'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('monorepo example with Turborepo', () => {
  it('caches mcpgen generate, restores its outputs, and reruns on a manifest edit', () => {
    const dir = join(tempDir(), 'monorepo');
    cpSync(join(samplesDir, 'monorepo'), dir, { recursive: true });
    // As after `npm install`: mcpgen resolvable and on the scripts' PATH.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(repoRoot, join(dir, 'node_modules', 'mcpgen'), 'dir');
    writeFileSync(join(dir, 'node_modules', '.bin', 'mcpgen'), `#!/bin/sh\nexec "${process.execPath}" "${cliBin}" "$@"\n`);
    chmodSync(join(dir, 'node_modules', '.bin', 'mcpgen'), 0o755);

    const first = turbo(dir);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('cache miss, executing');
    expect(first.out).toContain('Cached:    0 cached, 1 total');

    const second = turbo(dir);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('cache hit, replaying logs');
    expect(second.out).toContain('Cached:    1 cached, 1 total');

    // A fresh checkout (or CI machine) without the generated layer: turbo restores it.
    const generated = join(dir, 'packages', 'weather-server', 'src', 'generated');
    const types = readFileSync(join(generated, 'types.ts'), 'utf8');
    rmSync(generated, { recursive: true });
    rmSync(join(dir, 'packages', 'weather-server', '.mcpgen'), { recursive: true });
    const restored = turbo(dir);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain('Cached:    1 cached, 1 total');
    expect(readFileSync(join(generated, 'types.ts'), 'utf8')).toBe(types);
    const check = runCliProcess(['generate', '--check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('packages/weather-server: up to date');
    expect(check.stdout).toContain('packages/weather-client: up to date');

    // A manifest edit is an input change: the task runs again and the output follows.
    const manifest = readFileSync(join(dir, 'mcp.yaml'), 'utf8');
    writeFileSync(join(dir, 'mcp.yaml'), manifest.replace('tools:\n', 'tools:\n  - name: ping\n    description: Liveness.\n    inputSchema: { type: object }\n'));
    const edited = turbo(dir);
    expect(edited.code, edited.out).toBe(0);
    expect(edited.out).toContain('cache miss, executing');
    expect(readFileSync(join(generated, 'types.ts'), 'utf8')).toContain('PingHandler');
    expect(existsSync(join(dir, 'packages', 'weather-server', 'src', 'handlers', 'tools', 'ping.ts'))).toBe(true);
    // The client package of the same manifest follows too.
    expect(readFileSync(join(dir, 'packages', 'weather-client', 'src', 'generated', 'client.ts'), 'utf8')).toMatch(/\bping\(/);
  });
});
