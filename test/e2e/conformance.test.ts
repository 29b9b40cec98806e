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

async function runSuite(url: string, cwd: string, scenario?: string): Promise<{ code: number | null; output: string }> {
  // --verbose: each check's result as JSON, so a failure shows its message (the summary alone does not).
  const args = [SUITE_BIN, 'server', '--url', url, '--verbose', ...(scenario ? ['--scenario', scenario] : [])];
  const { code, output } = await runProcess(process.execPath, args, { cwd, timeoutMs: 150_000 });
  return { code, output };
}

/** The summary's scenario lines (`✓ name: n passed, 0 failed`). */
function scenarioLines(output: string): string[] {
  return output
    .slice(output.indexOf('=== SUMMARY ==='))
    .split('\n')
    .filter((l) => /^[✓✗]/.test(l));
}

/** The failed checks of a run, with their messages. */
function failedChecks(output: string): string {
  return output
    .split('\n')
    .filter((l) => /"status": "(FAILURE|WARNING)"|"errorMessage"/.test(l))
    .join('\n');
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
    const lines = scenarioLines(output);
    expect(lines.length, output).toBeGreaterThanOrEqual(30);
    const failed = lines.filter((l) => !l.startsWith('✓')).map((l) => l.slice(2, l.indexOf(':')));
    // tools-call-sampling failed in two full test runs (one local, one CI), the suite then taking 63 s instead of
    // 2-3: a request of its round trip apparently waited for the SDK's 60 s timeout. 60 runs of it alone under CPU,
    // memory and disk load never failed, so the cause is unknown (the note of 2026-12-02). That scenario alone, when
    // it fails, is run once more on its own and must pass then, with its first failure printed; any other failure
    // fails the test at once.
    expect(failed.filter((name) => name !== 'tools-call-sampling'), `${lines.join('\n')}\n${failedChecks(output)}\nserver stderr:\n${server.stderr()}`).toEqual([]);
    if (failed.length === 0) {
      expect(output).toMatch(/Total: \d+ passed, 0 failed/);
      expect(code).toBe(0);
      return;
    }
    console.warn(`conformance: ${failed.join(', ')} failed; running it once more.\n${failedChecks(output)}\nserver stderr:\n${server.stderr()}`);
    for (const scenario of failed) {
      const again = await runSuite(server.url, dir, scenario);
      // One scenario alone is reported as its checks (JSON), without a summary.
      const statuses = [...again.output.matchAll(/"status": "(\w+)"/g)].map((m) => m[1]);
      expect(statuses.length, again.output).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 'SUCCESS'), `${scenario} again:\n${failedChecks(again.output)}\nserver stderr:\n${server.stderr()}`).toEqual([]);
      expect(again.code, again.output).toBe(0);
    }
  }, 170_000);
});
