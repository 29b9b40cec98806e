/** `--help` tells the truth; `--check --diff` shows what is stale, with paths relative to the working directory. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitterNames } from '../../generator/emit/registry.js';
import { unifiedDiff } from '../../generator/output/unified-diff.js';
import { repoRoot } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

describe('truthful help', () => {
  it('generate --help lists exactly the emitters that exist, and nothing promises a client', async () => {
    const help = await runCliAsync(['generate', '--help']);
    expect(help.code).toBe(0);
    const known = /Known: ([a-z, ]+)/.exec(help.stdout.replace(/\s+/g, ' '))?.[1]?.split(',').map((s) => s.trim());
    expect(known).toEqual(emitterNames());
    // What mcpgen says it generates (the intro, the package description) names clients only once the emitter exists.
    const main = await runCliAsync(['--help']);
    const intro = main.stdout.split('Usage:')[0]!;
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { description: string };
    expect(intro).toMatch(/servers/);
    if (!emitterNames().includes('client')) {
      expect(intro).not.toMatch(/client/);
      expect(pkg.description).not.toMatch(/client/);
    }
  });
});

describe('generate --check --diff', () => {
  it('prints a unified diff per stale file with paths relative to the working directory', async () => {
    const dir = writeFiles({
      'mcp.yaml': 'revision: 2025-11-25\nserver: { name: s, version: 1.0.0 }\ntools:\n  - name: t\n    description: first\n    inputSchema: { type: object, additionalProperties: false }\n',
    });
    const gen = await runCliAsync(['generate', '-m', 'mcp.yaml', '-o', 'out'], { cwd: dir });
    expect(gen.code).toBe(0);
    writeFileSync(join(dir, 'mcp.yaml'), readFileSync(join(dir, 'mcp.yaml'), 'utf8').replace('first', 'second'));
    const check = await runCliAsync(['generate', '-m', 'mcp.yaml', '-o', 'out', '--check', '--diff'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('--- a/out/manifest.json\n+++ b/out/manifest.json\n@@ ');
    expect(check.stdout).toMatch(/^-.*"description": "first"/m);
    expect(check.stdout).toMatch(/^\+.*"description": "second"/m);
    expect(check.stderr).toContain('out/manifest.json is stale');
    expect(check.stderr).not.toContain(dir);
  });

  it('--diff without --check is a usage error', async () => {
    const run = await runCliAsync(['generate', '-m', 'x.yaml', '-o', 'out', '--diff']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--diff works with --check only');
  });

  it('diffs line by line with context and ignores CRLF', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
    expect(unifiedDiff('a\r\nb\r\n', 'a\nb\n', 'x', 'y')).toBe('');
  });
});
