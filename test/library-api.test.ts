/**
 * The published library entry resolves by package name and exposes the
 * documented functions (self-reference through package.json "exports").
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { samplesDir } from './helpers/paths.js';

describe("import … from 'mcpgen'", () => {
  it('exposes lint, generate and loadSpec', async () => {
    const api = await import('mcpgen');
    expect(typeof api.lint).toBe('function');
    expect(typeof api.generate).toBe('function');
    expect(typeof api.loadSpec).toBe('function');
    const spec = api.loadSpec('2025-11-25');
    expect(spec.revision.dialect).toBe('2020-12');
    const result = api.lint({ manifests: [join(samplesDir, 'weather', 'mcp.yaml')] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
