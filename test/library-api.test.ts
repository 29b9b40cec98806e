/**
 * The published library entry resolves by package name and exposes the
 * documented functions (self-reference through package.json "exports").
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { samplesDir } from './helpers/paths.js';
import { writeFiles } from './helpers/write-files.js';

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

describe('library API for build tools', () => {
  const manifest = 'server: { name: lib, version: 1.0.0 }\ntools:\n  - name: ping\n    inputSchema: { type: object }\n';

  it('generate(config) runs every target and reports files, diagnostics and what changed', async () => {
    const { generate, defineConfig } = await import('mcpgen');
    const dir = writeFiles({ 'mcp.yaml': manifest });
    const config = defineConfig({ manifests: ['mcp.yaml'], revision: '2025-11-25', targets: { a: { emit: ['manifest'] }, b: { emit: ['manifest', 'server'] } } });
    const first = await generate({ config, cwd: dir });
    expect(first.exitCode).toBe(0);
    expect(first.targets.map((t) => [t.name, t.cached])).toEqual([['a', false], ['b', false]]);
    expect(first.changed).toContain(join(dir, 'b', 'src', 'generated', 'types.ts'));
    const second = await generate({ config, cwd: dir });
    expect(second.changed).toEqual([]);
    expect(second.targets.every((t) => t.cached)).toBe(true);
    const check = await generate({ config, cwd: dir, mode: 'check' });
    expect(check.exitCode).toBe(0);
  });

  it('never throws for user errors: bad config, missing spec, broken manifest', async () => {
    const { generate, lint } = await import('mcpgen');
    const dir = writeFiles({ 'mcp.yaml': manifest, 'broken.yaml': 'tools: [' });
    const badConfig = await generate({ config: { targets: { a: { emit: ['nope'] } } } as never, cwd: dir });
    expect(badConfig.exitCode).toBe(2);
    expect(badConfig.diagnostics[0]!.message).toContain('targets.a');
    const missingSpec = await generate({ config: { manifests: ['mcp.yaml'], revision: '2025-11-25', targets: { a: { emit: ['manifest'] } } }, cwd: dir, specDir: dir, env: { HOME: dir }, offline: true });
    expect(missingSpec.exitCode).toBe(2);
    expect(missingSpec.diagnostics.map((d) => d.code)).toContain('spec/missing');
    const broken = await lint({ config: { manifests: ['broken.yaml'], targets: { a: { emit: ['manifest'] } } }, cwd: dir });
    expect(broken.exitCode).toBe(2);
    expect(broken.diagnostics[0]!.code).toBe('load/yaml-syntax');
    const fine = await lint({ config: { manifests: ['mcp.yaml'], revision: ['2025-06-18', '2025-11-25'], targets: { a: { emit: ['manifest'] } } }, cwd: dir });
    expect(fine.exitCode).toBe(0);
    expect(fine.runs.map((r) => r.revision)).toEqual(['2025-06-18', '2025-11-25']);
  });

  it('types the config', async () => {
    const { defineConfig } = await import('mcpgen');
    // @ts-expect-error emit must be a list
    defineConfig({ targets: { a: { emit: 'server' } } });
    // @ts-expect-error a plug-in entry needs `plugin`
    defineConfig({ targets: { a: { emit: [{ options: {} }] } } });
    // @ts-expect-error unknown top-level key
    defineConfig({ target: {} });
    expect(defineConfig({ targets: { a: { emit: ['server', { plugin: './x.mjs', options: { y: 1 } }] } } }).targets!.a!.emit).toHaveLength(2);
  });
});
