/** Paths tests share. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const samplesDir = join(repoRoot, 'output-samples');
/** The `mcpgen` executable as package.json names it: the bundle (scripts/bundle-cli.mjs), what users run. */
export const cliBin = join(repoRoot, 'dist', 'generator', 'bin', 'mcpgen.cjs');

export function specDir(): string {
  return process.env.MCPGEN_SPEC_DIR ?? resolve(repoRoot, '..', 'shared', 'mcp-spec');
}

/** A fresh folder under this run's temp root (removed when the run ends). */
export function tempDir(prefix = 'mcpgen-test-'): string {
  return mkdtempSync(join(process.env.MCPGEN_TEST_TMP ?? tmpdir(), prefix));
}
