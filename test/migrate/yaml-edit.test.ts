/** Minimal-diff manifest edits: only the edited lines change; anything unsafe is refused, never half-done. */
import { describe, expect, it } from 'vitest';
import { editManifestText } from '../../generator/migrate/yaml-edit.js';

describe('editManifestText', () => {
  it('deletes a block key with its value and trailing comment, keeping everything else byte for byte', () => {
    const text = '# head\nrevision: 2025-11-25   # pinned\ntools:\n  - name: a\n    execution:\n      taskSupport: optional  # why\n    inputSchema: {type: object}\n\n# tail\n';
    const r = editManifestText(text, [
      { op: 'delete', path: ['tools', 0, 'execution'] },
      { op: 'set', path: ['revision'], value: '2026-07-28' },
    ]);
    expect(r.refused).toEqual([]);
    expect(r.text).toBe('# head\nrevision: 2026-07-28   # pinned\ntools:\n  - name: a\n    inputSchema: {type: object}\n\n# tail\n');
  });

  it('deletes the first key of a sequence item, the last key of a flow map, and keys in JSON', () => {
    const yaml = 'tools:\n  - title: T\n    name: a\n    annotations: { readOnlyHint: true, title: x }\n';
    const r = editManifestText(yaml, [
      { op: 'delete', path: ['tools', 0, 'title'] },
      { op: 'delete', path: ['tools', 0, 'annotations', 'title'] },
    ]);
    expect(r.text).toBe('tools:\n  - name: a\n    annotations: { readOnlyHint: true }\n');
    const json = '{\n  "revision": "2025-11-25",\n  "tools": [\n    { "name": "a", "icons": [], "inputSchema": { "type": "object" } }\n  ]\n}\n';
    const j = editManifestText(json, [
      { op: 'delete', path: ['tools', 0, 'icons'] },
      { op: 'set', path: ['revision'], value: '2025-06-18' },
    ]);
    expect(JSON.parse(j.text)).toEqual({ revision: '2025-06-18', tools: [{ name: 'a', inputSchema: { type: 'object' } }] });
    expect(j.text).toBe('{\n  "revision": "2025-06-18",\n  "tools": [\n    { "name": "a", "inputSchema": { "type": "object" } }\n  ]\n}\n');
  });

  it('edits an anchored node once, however many aliases reach it', () => {
    const text = 'server:\n  name: s\n  meta: &m\n    title: shared\n    keep: 1\ntools:\n  - name: a\n    meta: *m\n';
    const r = editManifestText(text, [
      { op: 'delete', path: ['server', 'meta', 'title'] },
      { op: 'delete', path: ['tools', 0, 'meta', 'title'] },
    ]);
    expect(r.refused).toEqual([]);
    expect(r.text).toBe('server:\n  name: s\n  meta: &m\n    keep: 1\ntools:\n  - name: a\n    meta: *m\n');
  });

  it('refuses an edit inside a $ref, and one that would leave an alias without its anchor', () => {
    const ref = editManifestText('tools:\n  - name: a\n    inputSchema:\n      $ref: ./in.json\n', [{ op: 'delete', path: ['tools', 0, 'inputSchema', 'properties', 'x', 'x-mcp-header'] }]);
    expect(ref.refused[0]!.reason).toContain('$ref');
    const text = 'server:\n  name: s\n  icons: &i [ { src: a } ]\ntools:\n  - name: a\n    icons: *i\n';
    const r = editManifestText(text, [{ op: 'delete', path: ['server', 'icons'] }]);
    expect(r.text).toBe(text);
    expect(r.refused).toHaveLength(1);
  });

  it('adds revision when the manifest has none, and renames a key in place', () => {
    const r = editManifestText('# c\nserver:\n  name: s\n  titel: x\n', [
      { op: 'rename', path: ['server', 'titel'], newKey: 'title' },
      { op: 'set', path: ['revision'], value: '2025-06-18' },
    ]);
    expect(r.text).toBe('# c\nrevision: 2025-06-18\nserver:\n  name: s\n  title: x\n');
  });
});
