import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../generator/ir/build-ir.js';
import { loadManifestOrThrow } from '../../generator/load/load-manifest.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { samplesDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

const sample = join(samplesDir, 'weather', 'mcp.yaml');

describe('buildIr', () => {
  it('keeps exactly the fields of the target revision and records what it dropped', () => {
    const loaded = loadManifestOrThrow(sample);
    const newer = buildIr(loaded, loadSpec('2025-11-25'));
    expect(newer.dropped).toEqual([]);
    expect(newer.tools[0]!.wire).toHaveProperty('icons');
    expect(newer.tools[0]!.outputSchema).toBeDefined();

    const older = buildIr(loaded, loadSpec('2025-03-26'));
    expect(older.tools[0]!.wire).not.toHaveProperty('title');
    expect(older.tools[0]!.wire).not.toHaveProperty('outputSchema');
    expect(older.tools[0]!.outputSchema).toBeUndefined();
    expect(older.dropped).toContainEqual({ pointer: '/tools/0/outputSchema', definition: 'Tool', field: 'outputSchema' });
    expect(older.dropped).toContainEqual({ pointer: '/server/icons', definition: 'Implementation', field: 'icons' });
  });

  it('names every object once: collision-free identifiers, template variables, prompt arguments', () => {
    const dir = writeFiles({
      'mcp.yaml': [
        'tools:',
        '  - { name: delete, inputSchema: { type: object } }',
        '  - { name: Error, inputSchema: { type: object } }',
        '  - { name: get-user, inputSchema: { type: object } }',
        '  - { name: get_user, inputSchema: { type: object } }',
        '  - { name: "../../x", inputSchema: { type: object } }',
        'resourceTemplates:',
        '  - { name: files, uriTemplate: "file:///{+path}{?limit,offset}" }',
        'prompts:',
        '  - { name: p, arguments: [{ name: class, required: true }, { name: user-id }] }',
      ].join('\n'),
    });
    const ir = buildIr(loadManifestOrThrow(join(dir, 'mcp.yaml')), loadSpec('2025-11-25'));
    expect(ir.tools.map((t) => t.identifier)).toEqual(['delete_', 'error', 'getUser', 'getUser2', 'x']);
    expect(ir.tools.map((t) => t.typeName)).toEqual(['Delete', 'Error_', 'GetUser', 'GetUser2', 'X']);
    expect(ir.tools.map((t) => t.name)).toEqual(['delete', 'Error', 'get-user', 'get_user', '../../x']);
    expect(ir.resourceTemplates[0]!.variables.map((v) => v.name)).toEqual(['path', 'limit', 'offset']);
    expect(ir.prompts[0]!.arguments.map((a) => [a.identifier, a.required])).toEqual([['class_', true], ['userId', false]]);
  });

  it('binds the same identifiers whatever the order of names equal but for case', () => {
    const build = (names: string[]) => {
      const dir = writeFiles({ 'mcp.yaml': 'tools:\n' + names.map((n) => `  - { name: ${n}, inputSchema: { type: object } }`).join('\n') + '\n' });
      const ir = buildIr(loadManifestOrThrow(join(dir, 'mcp.yaml')), loadSpec('2025-11-25'));
      return Object.fromEntries(ir.tools.map((t) => [t.name, [t.identifier, t.typeName]]));
    };
    const one = build(['search', 'Search', 'handlers', 'Handlers']);
    expect(build(['Search', 'search', 'Handlers', 'handlers'])).toEqual(one);
    expect(one).toEqual({ Search: ['search', 'Search'], search: ['search2', 'Search2'], Handlers: ['handlers_', 'Handlers_'], handlers: ['handlers_2', 'Handlers_2'] });
  });

  it('is deterministic and does not mutate its input', () => {
    const loaded = loadManifestOrThrow(sample);
    const before = JSON.stringify(loaded.manifest);
    const a = buildIr(loaded, loadSpec('2026-07-28'));
    const b = buildIr(loaded, loadSpec('2026-07-28'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(loaded.manifest)).toBe(before);
  });
});
