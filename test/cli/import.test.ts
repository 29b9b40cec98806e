/**
 * `mcpgen import` against a real server (the npm memory server over stdio):
 * a manifest with provenance, deterministic output, in-place updates that keep
 * comments, lint findings shown, and located usage errors with exit 2.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { splitCommand } from '../../generator/import/split-command.js';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

const memory = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'server-memory', 'dist', 'index.js');
const stdio = `'${process.execPath}' '${memory}'`;

describe('mcpgen import', () => {
  const dir = tempDir('mcpgen-import-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a manifest with a provenance block, lints it and shows the findings', () => {
    const out = join(dir, 'memory.yaml');
    const r = runCliProcess(['import', '--stdio', stdio, '--out', out, '--date', '2026-12-01']);
    expect(r.code, r.stderr).toBe(0);
    const manifest = parse(readFileSync(out, 'utf8')) as Record<string, any>;
    expect(manifest.revision).toBe('2025-11-25');
    expect(manifest.provenance).toEqual({
      importedBy: 'mcpgen import',
      server: { name: 'memory-server', version: expect.any(String) },
      revision: '2025-11-25',
      transport: 'stdio',
      capabilities: expect.objectContaining({ tools: expect.anything() }),
      date: '2026-12-01',
    });
    expect(manifest.tools.map((t: { name: string }) => t.name)).toContain('search_nodes');
    expect(manifest.resources.length).toBeGreaterThan(0);
    // read_graph takes no parameters in a shape the spec does not recommend: shown, not refused.
    expect(r.stderr).toContain('tool-schema/no-parameters-shape');
    expect(r.stderr).toMatch(/memory\.yaml:\d+:\d+/);
    // The imported manifest is a valid input: lint exits 0 (warnings only).
    expect(runCliProcess(['lint', out]).code).toBe(0);
  });

  it('is deterministic without --date, and a re-run updates in place keeping comments', () => {
    const out = join(dir, 'again.yaml');
    expect(runCliProcess(['import', '--stdio', stdio, '--out', out]).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).not.toContain('date:');
    expect(runCliProcess(['import', '--stdio', stdio, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);

    // The user comments a tool, adds a key of their own, and one tool drifts from the server.
    const edited = first
      .replace('  - name: search_nodes', '  # Used by the support bot.\n  - name: search_nodes')
      .replace('  - name: read_graph', '  # Stale copy, refreshed by the next import.\n  - name: read_graph')
      .replace(/(- name: read_graph\n\s+title: )Read Graph/, '$1Old title')
      .replace(/^server:/m, '# Owned by the graph team.\nserver:');
    expect(edited).toContain('Old title');
    writeFileSync(out, edited + 'auth:\n  resource: https://example.com/mcp\n  authorizationServers: [https://auth.example.com]\n');
    const r = runCliProcess(['import', '--stdio', stdio, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('updated');
    const updated = readFileSync(out, 'utf8');
    expect(updated).toContain('# Used by the support bot.\n  - name: search_nodes');
    expect(updated).toContain('# Stale copy, refreshed by the next import.\n  - name: read_graph');
    expect(updated).toContain('# Owned by the graph team.\nserver:');
    expect(updated).not.toContain('Old title');
    expect((parse(updated) as { auth: unknown }).auth).toEqual({ resource: 'https://example.com/mcp', authorizationServers: ['https://auth.example.com'] });
  });

  it.each([
    [['import', '--out', 'x.yaml'], 'Name the server'],
    [['import', '--stdio', 'node s.js'], 'Name the manifest to write with --out'],
    [['import', '--url', 'ftp://example.com/mcp', '--out', 'x.yaml'], '--url must be http: or https:'],
    [['import', '--url', 'http://127.0.0.1:9/mcp', '--header', 'nope', '--out', 'x.yaml'], '--header takes K=V'],
    [['import', '--stdio', 'node "unclosed', '--out', 'x.yaml'], 'unclosed " quote'],
    [['import', '--stdio', 'node s.js', '--out', 'x.yaml', '--date', 'yesterday'], '--date takes YYYY-MM-DD'],
  ])('refuses %j with exit 2 and writes nothing', (args, message) => {
    const r = runCliProcess(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it('reports a command that is not an MCP server with exit 2 and writes nothing', () => {
    const out = join(dir, 'none.yaml');
    const r = runCliProcess(['import', '--stdio', `'${process.execPath}' -e 'process.exit(0)'`, '--out', out, '--timeout', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('import/connect-failed');
    expect(existsSync(out)).toBe(false);
  });

  it('reports an unreachable URL with exit 2', () => {
    const r = runCliProcess(['import', '--url', 'http://127.0.0.1:9/mcp', '--out', join(dir, 'none.yaml'), '--timeout', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot connect to the MCP server at http://127.0.0.1:9/mcp');
  });
});

describe('splitCommand', () => {
  it('splits like a shell without running one', () => {
    expect(splitCommand(`node  'a b' "c \\"d\\"" e\\ f $HOME`)).toEqual({ command: 'node', args: ['a b', 'c "d"', 'e f', '$HOME'] });
    expect(splitCommand(`x '' ""`)).toEqual({ command: 'x', args: ['', ''] });
  });
});
