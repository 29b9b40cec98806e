/**
 * The official conformance suite (0.1.13) runs the committed client sample
 * (output-samples/conformance-client: a generated client package driven by
 * src/conformance-client.ts) as
 * `conformance client --command "node dist/conformance-client.js" --scenario NAME`.
 * The scenarios are those a plain SDK 2.4.0 client passes
 * (test/fixtures/conformance/plain-sdk-client.mjs), plus those the generated
 * client passes beyond it; warnings count as failures.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, samplesDir, tempDir } from '../helpers/paths.js';
import { runProcess } from '../helpers/run-process.js';
import { buildPackages, linkNodeModules } from './server-package.js';

const SUITE_BIN = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');

/** Passed by a plain SDK 2.4.0 client (the baseline the issue sets). */
const BASELINE_SCENARIOS = [
  'initialize',
  'tools_call',
  'sse-retry',
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/scope-from-www-authenticate',
  'auth/scope-from-scopes-supported',
  'auth/scope-omitted-when-undefined',
  'auth/resource-mismatch',
  'auth/2025-03-26-oauth-endpoint-fallback',
];

/** Passed by the generated client beyond the baseline (step-up and retry limits via oauth-example.ts). */
const EXTRA_SCENARIOS = [
  'auth/scope-step-up',
  'auth/scope-retry-limit',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-post',
  'auth/token-endpoint-auth-none',
  'auth/2025-03-26-oauth-metadata-backcompat',
];

async function runScenario(scenario: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const args = [SUITE_BIN, 'client', '--command', `node ${join(cwd, 'dist', 'conformance-client.js')}`, '--scenario', scenario];
  const { code, output } = await runProcess(process.execPath, args, { cwd, timeoutMs: 60_000 });
  return { code, output: output.replace(/\x1b\[[0-9;]*m/g, '') };
}

describe('official conformance suite, client scenarios, on the generated client sample', () => {
  let dir: string;

  beforeAll(() => {
    dir = tempDir('mcpgen-conformance-client-');
    cpSync(join(samplesDir, 'conformance-client', 'generated', '2025-11-25'), dir, { recursive: true });
    linkNodeModules(dir);
    buildPackages(dir);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([...BASELINE_SCENARIOS, ...EXTRA_SCENARIOS])('%s passes with no failure and no warning', async (scenario) => {
    const { code, output } = await runScenario(scenario, dir);
    const summary = /Passed: (\d+)\/(\d+), (\d+) failed, (\d+) warnings/.exec(output);
    expect(summary, output).not.toBeNull();
    expect(summary![1], output).toBe(summary![2]);
    expect(Number(summary![2])).toBeGreaterThan(0);
    expect([summary![3], summary![4]], output).toEqual(['0', '0']);
    expect(output, output).toContain('OVERALL: PASSED');
    expect(code, output).toBe(0);
  }, 70_000);
});
