import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadManifest } from '../../generator/load/load-manifest.js';
import { writeFiles } from '../helpers/write-files.js';

function load(files: Record<string, string>, entry: string | string[] = 'mcp.yaml') {
  const dir = writeFiles(files);
  return loadManifest(Array.isArray(entry) ? entry : [entry], { cwd: dir });
}

const codesAt = (r: ReturnType<typeof load>) =>
  r.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`);

describe('manifest loader', () => {
  it('loads YAML with positions for every node', () => {
    const r = load({
      'mcp.yaml': ['server:', '  name: demo', '  version: 1.0.0', 'tools:', '  - name: echo', '    inputSchema:', '      type: object', ''].join('\n'),
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest.tools[0]!.name).toBe('echo');
    expect(r.sourceMap.locate('/tools/0/name')).toMatchObject({ file: 'mcp.yaml', line: 5, column: 11 });
    expect(r.sourceMap.locate('/tools/0/inputSchema/type', { key: true })).toMatchObject({ line: 7, column: 7 });
    // A pointer to something absent falls back to its nearest ancestor.
    expect(r.sourceMap.locate('/tools/0/inputSchema/properties')).toMatchObject({ line: 7, column: 7 });
  });

  it('keeps revision dates as strings (YAML 1.2)', () => {
    const r = load({ 'mcp.yaml': 'revision: 2025-11-25\ntools: []\n' });
    expect(r.manifest.revision).toBe('2025-11-25');
  });

  it('reports broken YAML at the right line and column', () => {
    const r = load({ 'mcp.yaml': ['tools:', '  - name: a', '    description: "unterminated', '  - name: b', ''].join('\n') });
    expect(r.diagnostics[0]!.code).toBe('load/yaml-syntax');
    expect(r.diagnostics[0]!.location).toMatchObject({ file: 'mcp.yaml', line: 3, column: 18 });
  });

  it('reports broken JSON at the right line and column', () => {
    const r = load({ 'tools.json': '{\n  "tools": [\n    { "name": "a" "x": 1 }\n  ]\n}\n' }, 'tools.json');
    expect(r.diagnostics[0]!.code).toBe('load/yaml-syntax');
    expect(r.diagnostics[0]!.location).toMatchObject({ file: 'tools.json', line: 3 });
  });

  it('reports a duplicate key', () => {
    const r = load({ 'mcp.yaml': 'tools: []\nprompts: []\ntools: []\n' });
    expect(codesAt(r)).toEqual(['load/duplicate-key mcp.yaml:3:1']);
  });

  it('reports an unknown top-level key at the key, with a suggestion', () => {
    const r = load({ 'mcp.yaml': 'server:\n  name: x\n  version: "1"\ntool:\n  - name: a\n' });
    expect(codesAt(r)).toEqual(['load/unknown-key mcp.yaml:4:1']);
    expect(r.diagnostics[0]!.message).toContain('Did you mean "tools"?');
  });

  it('reports sections of the wrong type', () => {
    const r = load({ 'mcp.yaml': 'tools:\n  name: a\nprompts:\n  - 42\n' });
    expect(codesAt(r)).toEqual(['load/wrong-type mcp.yaml:2:3', 'load/wrong-type mcp.yaml:4:5']);
  });

  it('rejects a manifest that is not a mapping', () => {
    const r = load({ 'mcp.yaml': '- a\n- b\n' });
    expect(codesAt(r)).toEqual(['load/not-an-object mcp.yaml:1:1']);
  });

  it('loads a JSON file that is only {"tools": [...]} and a captured JSON-RPC response', () => {
    const tools = { tools: [{ name: 'a', inputSchema: { type: 'object' } }], nextCursor: 'x' };
    const r1 = load({ 't.json': JSON.stringify(tools, null, 2) }, 't.json');
    expect(r1.diagnostics).toEqual([]);
    expect(r1.manifest.tools).toHaveLength(1);
    const r2 = load({ 'r.json': JSON.stringify({ jsonrpc: '2.0', id: 2, result: tools }, null, 2) }, 'r.json');
    expect(r2.diagnostics).toEqual([]);
    expect(r2.manifest.tools[0]!.name).toBe('a');
    expect(r2.sourceMap.locate('/tools/0/name')).toMatchObject({ line: 7 });
  });

  it('resolves inputSchema $ref to a JSON or YAML file, keeping positions in that file', () => {
    const r = load({
      'mcp.yaml': 'tools:\n  - name: a\n    inputSchema:\n      $ref: ./schemas/a.yaml\n  - name: b\n    inputSchema: { $ref: "./schemas/defs.json#/$defs/B" }\n',
      'schemas/a.yaml': 'type: object\nproperties:\n  city:\n    type: string\n',
      'schemas/defs.json': '{\n  "$defs": {\n    "B": { "type": "object", "properties": {} }\n  }\n}\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest.tools[0]!.inputSchema).toEqual({ type: 'object', properties: { city: { type: 'string' } } });
    expect(r.manifest.tools[1]!.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(r.sourceMap.locate('/tools/0/inputSchema/properties/city/type')).toMatchObject({ file: join('schemas', 'a.yaml'), line: 4, column: 11 });
  });

  it('resolves file $refs deep in a clean JSON manifest (the parser\'s fast path notes whether there are any)', () => {
    const manifest = {
      tools: [
        { name: 'local', inputSchema: { type: 'object', properties: { y: { $ref: '#/$defs/C' } }, $defs: { C: { type: 'string' } } } },
        { name: 'file', inputSchema: { type: 'object', properties: { x: { anyOf: [{ type: 'null' }, { $ref: './defs.json#/$defs/B' }] } } } },
      ],
    };
    const r = load({ 'mcp.json': JSON.stringify(manifest, null, 2), 'defs.json': '{ "$defs": { "B": { "type": "integer" } } }' }, 'mcp.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest.tools[1]!.inputSchema).toEqual({ type: 'object', properties: { x: { anyOf: [{ type: 'null' }, { type: 'integer' }] } } });
    expect(r.sourceMap.locate('/tools/1/inputSchema/properties/x/anyOf/1/type')).toMatchObject({ file: 'defs.json', line: 1, column: 29 });
    // Local refs only: nothing to resolve, the schemas stay as written.
    const local = load({ 'mcp.json': JSON.stringify({ tools: [manifest.tools[0]] }) }, 'mcp.json');
    expect(local.diagnostics).toEqual([]);
    expect(local.manifest.tools[0]!.inputSchema).toEqual(manifest.tools[0]!.inputSchema);
    // A file $ref that does not resolve is still reported in a clean JSON manifest.
    const missing = load({ 'mcp.json': JSON.stringify({ tools: [{ name: 'm', inputSchema: { type: 'object', properties: { z: { $ref: 'nope.json' } } } }] }) }, 'mcp.json');
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['load/ref-not-found']);
  });

  it('reports a missing $ref target at the $ref', () => {
    const r = load({ 'mcp.yaml': 'tools:\n  - name: a\n    inputSchema:\n      $ref: ./nope.json\n' });
    expect(codesAt(r)).toEqual(['load/ref-not-found mcp.yaml:4:13']);
    expect(r.diagnostics[0]!.message).toContain('does not exist');
  });

  it('reports a missing fragment in an existing $ref file', () => {
    const r = load({ 'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { $ref: "./d.json#/nope" }\n', 'd.json': '{}' });
    expect(codesAt(r)).toEqual(['load/ref-not-found mcp.yaml:3:26']);
  });

  it('refuses remote $refs', () => {
    const r = load({ 'mcp.yaml': 'tools:\n  - name: a\n    outputSchema:\n      $ref: https://example.com/s.json\n' });
    expect(codesAt(r)).toEqual(['load/ref-remote mcp.yaml:4:13']);
  });

  it('detects $ref cycles between files', () => {
    const r = load({
      'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { $ref: ./a.json }\n',
      'a.json': '{ "$ref": "./b.json" }',
      'b.json': '{ "$ref": "./a.json" }',
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['load/ref-cycle']);
  });

  it('merges several manifests, keeping each node located in its own file', () => {
    const r = load(
      {
        'a.yaml': 'server: { name: s, version: "1" }\ntools:\n  - name: one\n    inputSchema: { type: object }\n',
        'b.yaml': 'tools:\n  - name: two\n    inputSchema: { type: object }\nprompts:\n  - name: p\n',
      },
      ['a.yaml', 'b.yaml'],
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest.tools.map((t) => t.name)).toEqual(['one', 'two']);
    expect(r.sourceMap.locate('/tools/1/name')).toMatchObject({ file: 'b.yaml', line: 2 });
    expect(r.sourceMap.locate('/prompts/0/name')).toMatchObject({ file: 'b.yaml', line: 5 });
  });

  it('reports conflicting single-valued sections when merging', () => {
    const r = load({ 'a.yaml': 'revision: 2025-06-18\n', 'b.yaml': 'tools: []\nrevision: 2025-11-25\n' }, ['a.yaml', 'b.yaml']);
    expect(codesAt(r)).toEqual(['load/merge-conflict b.yaml:2:1']);
  });

  it('reports an unreadable file with its path', () => {
    const r = load({}, 'missing.yaml');
    expect(codesAt(r)).toEqual(['input/unreadable missing.yaml:1:1']);
    const d = load({ 'dir/x': '' }, 'dir');
    expect(d.diagnostics[0]!.message).toContain('is a directory');
  });
});
