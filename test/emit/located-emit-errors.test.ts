/**
 * An emitter error that names a manifest item (issue 11) reaches the user at
 * that item's file:line:col, never as an unlocated failure: the pipeline
 * turns the JSON pointer an emitter attaches into a location. Shown with a
 * plug-in (which may bundle its own copy of mcpgen, so errors are matched by
 * name) and with a schema lint rejects because no code could be generated
 * for it (a `$ref` loop, found while probing lint/generate agreement).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { lint } from '../../generator/lint/lint.js';
import { tempDir } from '../helpers/paths.js';

const MANIFEST = `server: { name: located, version: 1.0.0 }
tools:
  - name: first
    description: First.
    inputSchema: { type: object, additionalProperties: false }
  - name: second
    description: Second.
    inputSchema:
      type: object
      properties:
        x: { $ref: '#/$defs/a' }
      additionalProperties: false
      $defs:
        a: { $ref: '#/$defs/b' }
        b: { $ref: '#/$defs/a' }
`;

const PLUGIN = `export default {
  name: 'failing',
  description: 'fails on the second tool',
  files: ['x.txt'],
  userOwned: [],
  emit() {
    const err = new Error('Code cannot be generated from the schema at /tools/1/inputSchema: test');
    err.name = 'McpgenError';
    err.diagnostics = [{ code: 'emit/schema-unsupported', severity: 'error', message: err.message }];
    err.exitCode = 2;
    err.pointer = '/tools/1/inputSchema';
    throw err;
  },
};
`;

describe('emit errors are located', () => {
  it("an emitter error naming a manifest item gets that item's file:line:col", async () => {
    const dir = tempDir('mcpgen-located-');
    // Lint-clean: the second tool's schema without the $ref loop.
    writeFileSync(join(dir, 'mcp.yaml'), `${MANIFEST.split('      properties:')[0]}      properties:\n        x: { type: string }\n      additionalProperties: false\n`);
    writeFileSync(join(dir, 'failing.mjs'), PLUGIN);
    const result = await generate({ manifests: [join(dir, 'mcp.yaml')], cwd: dir, out: join(dir, 'out'), emit: [{ plugin: './failing.mjs' }], mode: 'dry-run', offline: true });
    expect(result.exitCode).toBe(2);
    const [d] = result.diagnostics.filter((x) => x.severity === 'error');
    expect(d?.code).toBe('emit/schema-unsupported');
    expect(d?.location?.file).toMatch(/mcp\.yaml$/);
    expect([d?.location?.line, d?.location?.column]).toEqual([9, 7]);
  });

  it('a $ref loop without a schema is a lint error at each $ref on the way (generate could not compile it)', () => {
    const dir = tempDir('mcpgen-ref-loop-');
    writeFileSync(join(dir, 'mcp.yaml'), MANIFEST);
    const found = lint({ manifests: [join(dir, 'mcp.yaml')], cwd: dir }).diagnostics.filter((d) => d.code === 'tool-schema/ref-loop');
    expect(found.map((d) => [d.severity, d.location?.line, d.location?.column])).toEqual([
      ['error', 11, 20],
      ['error', 14, 20],
      ['error', 15, 20],
    ]);
  });
});
