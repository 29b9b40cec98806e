import { describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { specStatus, verifySpecs } from '../../generator/spec/spec-status.js';
import { McpgenError } from '../../generator/diagnostics/diagnostic.js';
import { copySpecDir, tamperOneByte } from '../helpers/spec-copy.js';
import { specDir, tempDir } from '../helpers/paths.js';

const isolated = { env: { HOME: '/nonexistent-home', XDG_CACHE_HOME: '/nonexistent-cache' } };

describe('spec registry', () => {
  it('lists six revisions: five pinned and matching, draft unpinned', () => {
    const rows = specStatus({ specDir: specDir(), ...isolated });
    expect(rows.map((r) => r.revision.id)).toEqual(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28', 'draft']);
    expect(rows.map((r) => r.pin)).toEqual(['match', 'match', 'match', 'match', 'match', 'unpinned']);
    expect(rows.every((r) => r.origin === '--spec-dir')).toBe(true);
  });

  it('loads definitions with the right dialect and counts', () => {
    const counts: Record<string, number> = { '2024-11-05': 79, '2025-03-26': 83, '2025-06-18': 91, '2025-11-25': 145, '2026-07-28': 155, draft: 155 };
    for (const [rev, count] of Object.entries(counts)) {
      const spec = loadSpec(rev, { specDir: specDir(), ...isolated });
      expect(Object.keys(spec.definitions)).toHaveLength(count);
      expect(spec.revision.dialect).toBe(rev < '2025-11-25' ? 'draft-07' : '2020-12');
    }
  });

  it('searches --spec-dir, then MCPGEN_SPEC_DIR, then config, then the cache', () => {
    const a = copySpecDir(['2025-11-25']);
    const b = copySpecDir(['2025-06-18', '2025-11-25']);
    const cacheHome = tempDir();
    const cache = copySpecDir(['2024-11-05']);
    const env = { MCPGEN_SPEC_DIR: b, XDG_CACHE_HOME: cacheHome };
    // The cache is <XDG_CACHE_HOME>/mcpgen.
    cpSync(cache, join(cacheHome, 'mcpgen'), { recursive: true });
    expect(loadSpec('2025-11-25', { specDir: a, env }).origin).toBe('--spec-dir');
    expect(loadSpec('2025-06-18', { specDir: a, env }).origin).toBe('MCPGEN_SPEC_DIR');
    expect(loadSpec('2024-11-05', { specDir: a, env }).origin).toBe('cache');
    const c = copySpecDir(['2025-03-26']);
    expect(loadSpec('2025-03-26', { specDir: a, configSpecDir: c, env }).origin).toBe('config');
  });

  it('fails with a clear, located error when one byte changed, unless --allow-unpinned', () => {
    const dir = copySpecDir(['2025-11-25']);
    tamperOneByte(dir, '2025-11-25');
    let error: McpgenError | undefined;
    try {
      loadSpec('2025-11-25', { specDir: dir, ...isolated });
    } catch (e) {
      error = e as McpgenError;
    }
    expect(error).toBeInstanceOf(McpgenError);
    expect(error!.exitCode).toBe(2);
    expect(error!.diagnostics[0]!.code).toBe('spec/hash-mismatch');
    expect(error!.diagnostics[0]!.message).toContain('does not match the pinned hash of revision 2025-11-25');
    expect(error!.diagnostics[0]!.hint).toContain('mcpgen spec pull 2025-11-25');

    const accepted = loadSpec('2025-11-25', { specDir: dir, allowUnpinned: true, ...isolated });
    expect(accepted.pin).toBe('mismatch');
    expect(accepted.warnings[0]!.severity).toBe('warning');

    const verified = verifySpecs({ specDir: dir, ...isolated });
    expect(verified.checked).toBe(1);
    expect(verified.diagnostics.map((d) => d.code)).toEqual(['spec/hash-mismatch']);
  });

  it('names the command that fetches a missing revision', () => {
    const empty = tempDir();
    let error: McpgenError | undefined;
    try {
      loadSpec('2025-06-18', { specDir: empty, ...isolated });
    } catch (e) {
      error = e as McpgenError;
    }
    expect(error?.diagnostics[0]?.code).toBe('spec/missing');
    expect(error?.diagnostics[0]?.message).toContain(empty);
    expect(error?.diagnostics[0]?.hint).toContain('mcpgen spec pull 2025-06-18');
  });

  it('rejects an unknown revision and lists the known ones', () => {
    expect(() => loadSpec('2099-01-01', { specDir: specDir() })).toThrowError(/Unknown MCP revision "2099-01-01"/);
    try {
      loadSpec('2099-01-01');
    } catch (e) {
      expect((e as McpgenError).diagnostics[0]!.hint).toContain('2026-07-28');
    }
  });
});
