/**
 * The official conformance suite (@modelcontextprotocol/conformance 0.1.13,
 * offline, loopback only) against the committed conformance sample: the
 * generated package with its hand-written handlers, built in a temp copy and
 * served over Streamable HTTP. Every active server scenario must pass.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, tempDir } from '../helpers/paths.js';
import { runProcess } from '../helpers/run-process.js';
import { buildPackages, linkNodeModules, startHttpServer, type RunningServer } from './server-package.js';

const SUITE_BIN = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');

async function runSuite(url: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const { code, output } = await runProcess(process.execPath, [SUITE_BIN, 'server', '--url', url], { cwd, timeoutMs: 150_000 });
  return { code, output };
}

describe('official conformance suite', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = tempDir('mcpgen-conformance-');
    cpSync(join(samplesDir, 'conformance-server', 'generated', '2025-11-25'), dir, { recursive: true });
    linkNodeModules(dir);
    buildPackages(dir);
    server = await startHttpServer(dir);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes every active server scenario', async () => {
    const { code, output } = await runSuite(server.url, dir);
    const summary = output.slice(output.indexOf('=== SUMMARY ==='));
    const lines = summary.split('\n').filter((l) => /^[✓✗]/.test(l));
    expect(lines.length, output).toBeGreaterThanOrEqual(30);
    expect(lines.filter((l) => !l.startsWith('✓')), summary).toEqual([]);
    expect(summary).toMatch(/Total: \d+ passed, 0 failed/);
    expect(code, summary).toBe(0);
  }, 160_000);
});
