/**
 * Committed sample server packages typecheck. They live inside the repository,
 * so the SDK and @types/node resolve from mcpgen's own node_modules (Node's
 * upward lookup); nothing is installed or emitted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplesDir } from './helpers/paths.js';

const { samples } = JSON.parse(readFileSync(join(samplesDir, 'samples.json'), 'utf8')) as { samples: { out: string }[] };
const packages = samples.map((s) => s.out).filter((out) => existsSync(join(samplesDir, out, 'tsconfig.json')));

describe('sample server packages', () => {
  it.each(packages)('%s typechecks', (out) => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(samplesDir, out, 'tsconfig.json'), '--noEmit'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

/**
 * Users keep their own tsconfig: the generated code must also compile where
 * it is less strict than ours (without exactOptionalPropertyTypes, where
 * inferred array element unions gain `field?: undefined`).
 */
describe('sample server packages under a laxer tsconfig', () => {
  it.each(packages)('%s typechecks without exactOptionalPropertyTypes', (out) => {
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(samplesDir, out, 'tsconfig.json'), '--noEmit', '--exactOptionalPropertyTypes', 'false'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
