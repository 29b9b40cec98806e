/**
 * Points every test at the official schemas beside the repository
 * (`../shared/mcp-spec`) unless MCPGEN_SPEC_DIR is already set, and isolates
 * the user cache so tests never read or fill the real one.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): void {
  const repoRoot = resolve(import.meta.dirname, '..');
  process.env.MCPGEN_SPEC_DIR ??= resolve(repoRoot, '..', 'shared', 'mcp-spec');
  if (!existsSync(join(process.env.MCPGEN_SPEC_DIR, '2025-11-25', 'schema.json'))) {
    throw new Error(`MCPGEN_SPEC_DIR=${process.env.MCPGEN_SPEC_DIR} has no schemas; tests need ../shared/mcp-spec`);
  }
  process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'mcpgen-test-cache-'));
}
