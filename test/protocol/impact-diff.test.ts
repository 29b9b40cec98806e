/** `mcpgen diff FROM TO --manifest FILE`: the revision diff kept to what one manifest uses. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli/run-cli.js';
import { memoryIo } from '../helpers/memory-io.js';
import { fixturesDir, tempDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

const everyField = join(fixturesDir, 'migrate', 'every-field.yaml');

async function diffJson(args: string[]) {
  const io = memoryIo();
  const code = await runCli(['diff', '2025-11-25', '2026-07-28', '--format', 'json', ...args], io);
  expect(code, io.stderr()).toBe(0);
  return JSON.parse(io.stdout());
}

describe('diff FROM TO --manifest', () => {
  it('keeps only the definitions the manifest exchanges', async () => {
    const full = await diffJson([]);
    const filtered = await diffJson(['--manifest', everyField]);
    expect(full.removed).toContain('InitializeRequest');
    expect(filtered.removed).not.toContain('InitializeRequest');
    expect(filtered.removed).toContain('ToolExecution');
    expect(filtered.changed.length).toBeLessThan(full.changed.length);
    expect(filtered.changed.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Tool', 'CallToolResult', 'Prompt']));
    expect(filtered.filteredFrom).toEqual({ added: full.added.length, removed: full.removed.length, changed: full.changed.length });
  });

  it('leaves out the kinds a manifest does not declare', async () => {
    const dir = writeFiles({ 'tools-only.yaml': 'tools:\n  - name: t\n    inputSchema: { type: object }\n' }, tempDir());
    const filtered = await diffJson(['--manifest', join(dir, 'tools-only.yaml')]);
    const names = filtered.changed.map((c: { name: string }) => c.name);
    expect(names).toContain('Tool');
    expect(names).not.toContain('Prompt');
    expect(names).not.toContain('ResourceTemplate');
  });

  it('names the manifest items holding a removed field, with locations', async () => {
    const filtered = await diffJson(['--manifest', everyField]);
    expect(filtered.affected).toContainEqual(
      expect.objectContaining({ definition: 'Tool', field: 'execution', change: 'removed', label: 'tool "lookup"', location: expect.objectContaining({ line: 28, column: 5 }) }),
    );
    const io = memoryIo();
    expect(await runCli(['diff', '2025-11-25', '2026-07-28', '--manifest', everyField], io)).toBe(0);
    expect(io.stdout()).toMatch(/tool "report": `Tool\.execution` is removed \(.*every-field\.yaml:36:5\)/);
    expect(io.stdout()).toContain('that concern');
  });

  it('a broken manifest is exit 2 with its location', async () => {
    const dir = writeFiles({ 'bad.yaml': 'tools: [\n' }, tempDir());
    const io = memoryIo();
    expect(await runCli(['diff', '2025-11-25', '2026-07-28', '--manifest', join(dir, 'bad.yaml')], io)).toBe(2);
    expect(io.stderr()).toMatch(/bad\.yaml:\d+:\d+/);
  });
});
