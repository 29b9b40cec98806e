/**
 * Loading skips walking tool schemas for file `$ref`s when the manifest's
 * text cannot spell a `$ref` key (load/resolve-schema-refs.ts): a key
 * spelled with escapes (JSON `\u0024ref`, YAML `\x24ref` or an escaped line
 * break) must still be found and inlined.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../generator/load/load-manifest.js';
import { writeFiles } from '../helpers/write-files.js';

const shared = JSON.stringify({ $defs: { note: { type: 'string', maxLength: 7 } } });

describe('file $refs spelled with escapes', () => {
  const cases: [string, string, string][] = [
    ['plain JSON', 'mcp.json', JSON.stringify({ server: { name: 's', version: '1.0.0' }, tools: [{ name: 't', inputSchema: { type: 'object', properties: { note: { $ref: './shared.json#/$defs/note' } } } }] })],
    ['JSON \\u0024ref', 'mcp.json', '{"server": {"name": "s", "version": "1.0.0"}, "tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {"note": {"\\u0024ref": "./shared.json#/$defs/note"}}}}]}'],
    ['JSON \\u0072 in the middle', 'mcp.json', '{"server": {"name": "s", "version": "1.0.0"}, "tools": [{"name": "t", "inputSchema": {"type": "object", "properties": {"note": {"$\\u0072ef": "./shared.json#/$defs/note"}}}}]}'],
    ['YAML \\x24ref', 'mcp.yaml', 'server: { name: s, version: 1.0.0 }\ntools:\n  - name: t\n    inputSchema:\n      type: object\n      properties:\n        note: { "\\x24ref": "./shared.json#/$defs/note" }\n'],
    // An explicit key (an implicit one is a single line): the escaped line break joins `$r` and `ef`.
    ['YAML escaped line break', 'mcp.yaml', 'server: { name: s, version: 1.0.0 }\ntools:\n  - name: t\n    inputSchema:\n      type: object\n      properties:\n        note:\n          ? "$r\\\n            ef"\n          : ./shared.json#/$defs/note\n'],
  ];
  for (const [name, file, text] of cases) {
    it(`inlines a ${name} key`, () => {
      const dir = writeFiles({ [file]: text, 'shared.json': shared });
      const loaded = loadManifest([join(dir, file)], { cwd: dir });
      expect(loaded.diagnostics).toEqual([]);
      const schema = loaded.manifest.tools?.[0]?.inputSchema as { properties: { note: unknown } };
      expect(schema.properties.note).toEqual({ type: 'string', maxLength: 7 });
    });
  }
});
