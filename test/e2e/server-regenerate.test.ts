/**
 * Regeneration safety of `--emit server`: user-owned files survive byte for
 * byte, adding a tool creates exactly one new stub, removing one keeps its
 * stub on disk with a warning (and the generated layer no longer compiles it).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

function manifest(tools: string[]): string {
  return JSON.stringify({
    server: { name: 'regen', version: '1.0.0' },
    tools: tools.map((name) => ({
      name,
      description: `The ${name} tool.`,
      inputSchema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
    })),
  });
}

function generate(dir: string, out: string) {
  const r = runCliProcess(['generate', '--manifest', join(dir, 'mcp.json'), '--revision', '2025-11-25', '--emit', 'server', '--out', out]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

function createdUserStubs(stdout: string): string[] {
  return [...stdout.matchAll(/created\s+(src\/handlers\/\S+)/g)].map((m) => m[1]!);
}

describe('regenerating a server package', () => {
  it('keeps edited handlers byte for byte, adds exactly one stub per new tool, warns about orphaned stubs', () => {
    const dir = writeFiles({ 'mcp.json': manifest(['alpha', 'beta']) });
    const out = tempDir('mcpgen-regen-');
    const first = generate(dir, out);
    expect(createdUserStubs(first.stdout).sort()).toEqual(['src/handlers/tools/alpha.ts', 'src/handlers/tools/beta.ts']);

    const alpha = join(out, 'src', 'handlers', 'tools', 'alpha.ts');
    const edited = readFileSync(alpha, 'utf8').replace('isError: true', 'isError: false') + '\n// my edit: keep me\u2028 exactly\n';
    writeFileSync(alpha, edited);
    const entry = join(out, 'src', 'server.ts');
    writeFileSync(entry, readFileSync(entry, 'utf8') + '// edited entry\n');
    const entryBefore = readFileSync(entry);

    const second = generate(dir, out);
    expect(readFileSync(alpha, 'utf8')).toBe(edited);
    expect(readFileSync(entry).equals(entryBefore)).toBe(true);
    expect(createdUserStubs(second.stdout)).toEqual([]);

    writeFileSync(join(dir, 'mcp.json'), manifest(['alpha', 'beta', 'gamma']));
    const third = generate(dir, out);
    expect(createdUserStubs(third.stdout)).toEqual(['src/handlers/tools/gamma.ts']);
    expect(readFileSync(alpha, 'utf8')).toBe(edited);

    writeFileSync(join(dir, 'mcp.json'), manifest(['alpha', 'gamma']));
    const fourth = generate(dir, out);
    const beta = join(out, 'src', 'handlers', 'tools', 'beta.ts');
    expect(existsSync(beta)).toBe(true);
    expect(fourth.stdout + fourth.stderr).toContain('output/user-file-orphaned');
    expect(fourth.stdout + fourth.stderr).toContain('beta.ts');
    // The generated layer no longer declares BetaHandler: the stale stub cannot compile.
    expect(readFileSync(join(out, 'src', 'generated', 'types.ts'), 'utf8')).not.toContain('BetaHandler');
    expect(readFileSync(beta, 'utf8')).toContain('BetaHandler');

    // The warning repeats on every run while the stale stub is there, and stops once it is gone.
    const fifth = generate(dir, out);
    expect(fifth.stdout + fifth.stderr).toContain('output/user-file-orphaned');
    expect(readFileSync(beta, 'utf8')).toContain('BetaHandler');
    rmSync(beta);
    const sixth = generate(dir, out);
    expect(sixth.stdout + sixth.stderr).not.toContain('output/user-file-orphaned');
    rmSync(out, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
});
