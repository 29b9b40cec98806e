/**
 * Per-file minimal rewrites, the incremental cache and determinism: adding
 * one tool rewrites only the files that depend on it (the others keep bytes
 * and mtime); an unchanged run emits nothing; output does not depend on the
 * folder it is generated in.
 */
import { cpSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/build.js';
import { generate } from '../../generator/generate.js';
import { tempDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

function tool(i: number): string {
  return `  - name: tool_${i}
    description: Tool number ${i}.
    inputSchema: { type: object, properties: { n${i}: { type: integer } }, required: [n${i}] }
    outputSchema: { type: object, properties: { r: { type: string } } }
`;
}
const manifest = (n: number): string => `server: { name: twenty, version: 1.0.0 }\ntools:\n${Array.from({ length: n }, (_, i) => tool(i + 1)).join('')}`;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  return new Map(listFiles(dir).map((f) => [f, { bytes: readFileSync(join(dir, f), 'utf8'), mtimeMs: statSync(join(dir, f)).mtimeMs }]));
}

/** Backdates every file, so a rewrite in the same millisecond still shows as a new mtime. */
function backdate(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const f of listFiles(dir)) utimesSync(join(dir, f), past, past);
}

describe('incremental generation', () => {
  it('adding one tool to a 20-tool manifest rewrites only the files that depend on it', async () => {
    const dir = writeFiles({ 'mcp.yaml': manifest(20) });
    const out = join(dir, 'out');
    const options = { manifests: [join(dir, 'mcp.yaml')], revision: '2025-11-25', emit: ['manifest', 'server'], out };
    expect((await generate(options)).exitCode).toBe(0);
    backdate(out);
    const before = snapshot(out);

    writeFileSync(join(dir, 'mcp.yaml'), manifest(21));
    const result = await generate(options);
    expect(result.exitCode).toBe(0);
    const after = snapshot(out);

    const rewritten = [...after].filter(([f, v]) => before.get(f)?.bytes !== v.bytes || before.get(f)?.mtimeMs !== v.mtimeMs).map(([f]) => f);
    expect(rewritten.sort()).toEqual(
      [
        '.mcpgen/cache.json',
        '.mcpgen/files.json',
        'manifest.json',
        'src/generated/create-server.ts',
        'src/generated/handlers.ts',
        'src/generated/metadata.ts',
        'src/generated/tools/tool21.input.ts',
        'src/generated/tools/tool21.output.ts',
        'src/generated/types.ts',
        'src/generated/validators/2020-12.ts',
        // The index names each tool's validators, so a new tool adds its two lines.
        'src/generated/validators/index.ts',
        'src/handlers/tools/tool21.ts',
      ].sort(),
    );
    // The cache key is bookkeeping, not output: not reported as a change.
    expect(result.changed.sort()).toEqual(rewritten.filter((f) => f !== '.mcpgen/cache.json').sort());
    // Every other file (other tools' types, runtime, user files) kept its bytes and mtime.
    for (const [f, v] of before) expect(after.get(f)?.mtimeMs === v.mtimeMs || rewritten.includes(f), f).toBe(true);
    expect(before.size).toBeGreaterThan(45);
  });

  it('a run with unchanged inputs emits nothing and touches nothing; any input change or output edit runs again', async () => {
    const dir = writeFiles({ 'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { $ref: ./in.json }\n', 'in.json': '{"type":"object"}' });
    const out = join(dir, 'out');
    const options = { manifests: [join(dir, 'mcp.yaml')], revision: '2025-11-25', emit: ['manifest', 'server'], out };
    const progress: string[] = [];
    expect((await generate(options)).cached).toBe(false);
    backdate(out);
    const before = snapshot(out);
    const again = await generate({ ...options, onProgress: (m) => progress.push(m) });
    expect(again.cached).toBe(true);
    expect(progress).toEqual(['inputs unchanged: nothing to emit']);
    expect(again.changed).toEqual([]);
    expect(snapshot(out)).toEqual(before);
    expect((await generate({ ...options, mode: 'check' })).exitCode).toBe(0);

    // A $ref'ed file is an input.
    writeFileSync(join(dir, 'in.json'), '{"type":"object","properties":{"x":{"type":"string"}}}');
    const changed = await generate(options);
    expect(changed.cached).toBe(false);
    expect(changed.changed).toContain('src/generated/tools/a.input.ts');
    // So are the emitter list and its options.
    expect((await generate({ ...options, emit: ['manifest'] })).cached).toBe(false);
    await generate(options);
    // An edited generated file is regenerated even though the inputs did not change.
    writeFileSync(join(out, 'manifest.json'), '{}\n');
    const repaired = await generate(options);
    expect(repaired.cached).toBe(false);
    expect(repaired.changed).toEqual(['manifest.json']);
    // --force skips the cache.
    expect((await generate({ ...options, force: true })).cached).toBe(false);
  });

  it('gives the same bytes when generated from two different folders', async () => {
    const project = writeFiles({
      'mcp.yaml': manifest(3).replace('tools:\n', 'tools:\n  - name: ref\n    inputSchema: { $ref: ./schemas/in.yaml }\n'),
      'schemas/in.yaml': 'type: object\nproperties: { q: { type: string } }\n',
      'mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], revision: '2026-07-28', targets: { 'gen/server': { emit: ['manifest', 'server'] } } }),
    });
    const a = join(tempDir('mcpgen-a-'), 'deep', 'folder');
    const b = join(tempDir('mcpgen-other-'), 'x');
    cpSync(project, a, { recursive: true });
    cpSync(project, b, { recursive: true });
    const ra = await build({ cwd: a });
    const rb = await build({ cwd: b });
    expect([ra.exitCode, rb.exitCode]).toEqual([0, 0]);
    const fa = snapshot(join(a, 'gen/server'));
    const fb = snapshot(join(b, 'gen/server'));
    expect([...fa.keys()]).toEqual([...fb.keys()]);
    for (const [f, v] of fa) expect(fb.get(f)!.bytes, f).toBe(v.bytes);
    for (const [, v] of fa) {
      expect(v.bytes).not.toContain(a);
      expect(v.bytes).not.toContain(project);
    }
    // The cache key is location-independent too: a copy of the output is current where it lands.
    cpSync(join(a, 'gen'), join(b, 'gen'), { recursive: true });
    expect((await build({ cwd: b })).targets[0]!.cached).toBe(true);
  });
});
