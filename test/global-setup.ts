/**
 * Points every test at the official schemas beside the repository
 * (`../shared/mcp-spec`) unless MCPGEN_SPEC_DIR is already set, and isolates
 * the user cache so tests never read or fill the real one. Temp folders live
 * under one root per run, removed afterwards (MCPGEN_KEEP_TEST_TMP=1 keeps them).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  const repoRoot = resolve(import.meta.dirname, '..');
  process.env.MCPGEN_SPEC_DIR ??= resolve(repoRoot, '..', 'shared', 'mcp-spec');
  if (!existsSync(join(process.env.MCPGEN_SPEC_DIR, '2025-11-25', 'schema.json'))) {
    throw new Error(`MCPGEN_SPEC_DIR=${process.env.MCPGEN_SPEC_DIR} has no schemas; tests need ../shared/mcp-spec`);
  }
  // Every temp folder of this run lives under one root, removed at the end.
  const root = mkdtempSync(join(tmpdir(), 'mcpgen-test-run-'));
  process.env.MCPGEN_TEST_TMP = root;
  process.env.XDG_CACHE_HOME = mkdtempSync(join(root, 'cache-'));
  // A spec missing in a test is never fetched from the network (generate and
  // lint fetch on first use): downloads go to a closed loopback port unless a
  // test serves the files itself.
  process.env.MCPGEN_SPEC_BASE_URL ??= 'http://127.0.0.1:9/mcp-spec';
  return () => {
    if (!process.env.MCPGEN_KEEP_TEST_TMP) rmSync(root, { recursive: true, force: true });
  };
}
