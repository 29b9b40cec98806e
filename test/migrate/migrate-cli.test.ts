/** `mcpgen migrate`: the report, its JSON shape, and bad input (exit 2, located, nothing written). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli/run-cli.js';
import { memoryIo } from '../helpers/memory-io.js';
import { fixturesDir, tempDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

async function run(args: string[]) {
  const io = memoryIo();
  const code = await runCli(['migrate', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('mcpgen migrate', () => {
  it('without --write reports with locations and writes nothing', async () => {
    const file = join(fixturesDir, 'migrate', 'every-field.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await run([file, '--to', '2026-07-28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing written (use --write)');
    expect(r.stderr).toMatch(/every-field\.yaml:28:5 {2}warning {2}migrate\/field-dropped {2}tool "lookup": "execution" is dropped/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--format json gives a stable shape with each finding located and its action and step', async () => {
    const r = await run([join(fixturesDir, 'migrate', 'every-field.yaml'), '--to', '2026-07-28', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ version: 1, from: '2025-11-25', to: '2026-07-28', path: ['2025-11-25', '2026-07-28'], written: false });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'migrate/field-dropped', line: 28, column: 5, action: 'drop-with-warning', definition: 'Tool', field: 'execution', step: { from: '2025-11-25', to: '2026-07-28', direction: 'upgrade' } }),
    );
  });

  it('a tool name the 2025-11-25 rules reject needs a decision going up: exit 1', async () => {
    const dir = writeFiles({ 'm.yaml': 'revision: 2025-06-18\ntools:\n  - name: "do it, now"\n    inputSchema: { type: object }\n' }, tempDir());
    const r = await run([join(dir, 'm.yaml'), '--to', '2025-11-25', '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m\.yaml:3:5 {2}warning {2}migrate\/requires-input {2}tool "do it, now": name "do it, now" needs a decision/);
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toContain('revision: 2025-11-25');
  });

  it('broken YAML and an unknown revision are exit 2 with a located diagnostic, and nothing is written', async () => {
    const dir = writeFiles({ 'bad.yaml': 'tools:\n  - name: [\n', 'ok.yaml': 'revision: 2025-11-25\n' }, tempDir());
    const bad = await run([join(dir, 'bad.yaml'), '--to', '2026-07-28', '--write']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+ {2}error {2}load\/yaml-syntax/);
    expect(readFileSync(join(dir, 'bad.yaml'), 'utf8')).toBe('tools:\n  - name: [\n');
    const unknown = await run([join(dir, 'ok.yaml'), '--to', '2099-01-01', '--write']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('spec/unknown-revision');
    expect(readFileSync(join(dir, 'ok.yaml'), 'utf8')).toBe('revision: 2025-11-25\n');
  });
});
