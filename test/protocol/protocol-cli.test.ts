/**
 * `mcpgen protocol` and `mcpgen diff` through the built CLI: determinism,
 * --check, the revision diff acceptance points, and located diagnostics with
 * exit 2 for bad input.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/paths.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = tempDir('mcpgen-protocol-cli-');
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return files;
}

describe('mcpgen protocol', () => {
  it('two runs give byte-identical output, and --check right after a run exits 0', () => {
    const a = scratch();
    const b = scratch();
    const first = runCliProcess(['protocol', '-r', '2025-11-25', '-o', a]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(runCliProcess(['protocol', '-r', '2025-11-25', '-o', b]).code).toBe(0);
    const files = snapshot(a);
    expect(Object.keys(files).sort()).toEqual(['.mcpgen/files.json', 'reference.html', 'reference.md', 'types.ts', 'validators.d.ts', 'validators.js']);
    expect(snapshot(b)).toEqual(files);

    const check = runCliProcess(['protocol', '-r', '2025-11-25', '-o', a, '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('up to date');

    writeFileSync(join(a, 'types.ts'), files['types.ts'] + '\nexport type Edited = 1;\n');
    const stale = runCliProcess(['protocol', '-r', '2025-11-25', '-o', a, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('output/stale');
  }, 120_000);

  it('--emit limits the outputs; an unknown --emit value is a usage error', () => {
    const dir = scratch();
    expect(runCliProcess(['protocol', '-r', '2024-11-05', '-o', dir, '--emit', 'types']).code).toBe(0);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(['.mcpgen/files.json', 'types.ts']);
    const bad = runCliProcess(['protocol', '-r', '2024-11-05', '-o', dir, '--emit', 'types,servers']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage/invalid');
    expect(bad.stderr).toContain('servers');
  });

  it('an unknown revision gives the spec diagnostic and exit 2, no stack trace', () => {
    const run = runCliProcess(['protocol', '-r', '2099-01-01', '-o', scratch()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/unknown-revision');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing spec gives the located spec/missing diagnostic and exit 2', () => {
    const empty = scratch();
    const run = runCliProcess(['protocol', '-r', '2025-11-25', '-o', scratch(), '--spec-dir', empty], {
      env: { MCPGEN_SPEC_DIR: '', XDG_CACHE_HOME: empty },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/missing');
    expect(run.stderr).toContain(empty);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a tampered schema is refused with spec/hash-mismatch', () => {
    const dir = scratch();
    const original = readFileSync(join(process.env.MCPGEN_SPEC_DIR!, '2025-06-18', 'schema.json'), 'utf8');
    mkdirSync(join(dir, '2025-06-18'));
    writeFileSync(join(dir, '2025-06-18', 'schema.json'), original.replace('"definitions"', '"definitions" ').trimEnd() + ' ');
    const run = runCliProcess(['protocol', '-r', '2025-06-18', '-o', scratch(), '--spec-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/hash-mismatch');
  });
});

describe('mcpgen diff', () => {
  it('2025-06-18 → 2025-11-25 adds icons to Tool, Resource, ResourceTemplate and Prompt', () => {
    const run = runCliProcess(['diff', '2025-06-18', '2025-11-25', '--format', 'json']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as { version: number; changed: { name: string; propertiesAdded: { name: string; type: string; required: boolean }[] }[] };
    expect(diff.version).toBe(1);
    for (const name of ['Tool', 'Resource', 'ResourceTemplate', 'Prompt']) {
      const change = diff.changed.find((c) => c.name === name);
      expect(change?.propertiesAdded, name).toContainEqual({ name: 'icons', type: 'array<Icon>', required: false });
    }
  });

  it('2025-11-25 → 2026-07-28 removes InitializeRequest and adds DiscoverRequest', () => {
    const json = runCliProcess(['diff', '2025-11-25', '2026-07-28', '--format', 'json']);
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.stdout) as { from: string; to: string; added: string[]; removed: string[] };
    expect(diff).toMatchObject({ from: '2025-11-25', to: '2026-07-28' });
    expect(diff.removed).toContain('InitializeRequest');
    expect(diff.added).toContain('DiscoverRequest');

    const md = runCliProcess(['diff', '2025-11-25', '2026-07-28']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/## Removed definitions \(\d+\)[\s\S]*- `InitializeRequest`/);
    expect(md.stdout).toMatch(/## Added definitions \(\d+\)[\s\S]*- `DiscoverRequest`/);
  });

  it('an unknown revision is exit 2 with the spec diagnostic', () => {
    const run = runCliProcess(['diff', '2025-11-25', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/unknown-revision');
  });
});
