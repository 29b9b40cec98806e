/** inputSchema / outputSchema (rules/tool-schemas.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

function tool(schema: string, revision = '2025-11-25', key = 'inputSchema'): string {
  // The schema starts on line 6, column 7.
  return `revision: ${revision}\ntools:\n  - name: t\n    description: d\n    ${key}:\n${schema
    .trim()
    .split('\n')
    .map((l) => '      ' + l)
    .join('\n')}\n`;
}

const GOOD = `
type: object
properties:
  city: { type: string }
  address: { $ref: "#/$defs/Address" }
  tag: { $ref: "#tag" }
required: [city]
additionalProperties: false
$defs:
  Address: { type: object, properties: { street: { type: string } }, required: [street] }
  Tag: { $anchor: tag, type: string }
`;

describe('tool schemas', () => {
  it('accepts a well-formed schema with resolvable refs, on both dialects', () => {
    expect(lintManifest(tool(GOOD))).toEqual([]);
    expect(lintManifest(tool(GOOD.replace('$anchor: tag', '$id: "#tag"').replace(/\$defs/g, 'definitions'), '2025-06-18'))).toEqual([]);
  });

  it('requires type "object" at the root of inputSchema and outputSchema', () => {
    const d = lintManifest(tool('type: array\nitems: { type: string }'));
    expect(at(d, 'tool-schema/root-not-object')).toEqual([['error', 6, 13]]);
    const out = lintManifest(`
      revision: 2025-11-25
      tools:
        - name: t
          description: d
          inputSchema: { type: object, additionalProperties: false }
          outputSchema: { properties: { a: { type: string } } }
    `);
    expect(at(out, 'tool-schema/root-not-object')).toEqual([['error', 6, 19]]);
    expect(messages(out, 'tool-schema/root-not-object')[0]).toBe('outputSchema must have type "object" at its root; it has no type.');
  });

  it('checks the schema against its dialect meta-schema, 2020-12 from 2025-11-25 and draft-07 before', () => {
    const d = lintManifest(tool('type: object\nproperties:\n  a: { type: string, minLength: -1 }'));
    expect(at(d, 'tool-schema/invalid')).toEqual([['error', 8, 39]]);
    expect(messages(d, 'tool-schema/invalid')[0]).toContain('JSON Schema 2020-12');
    const old = lintManifest(tool('type: object\nproperties:\n  a: { type: strng }', '2025-06-18'));
    expect(at(old, 'tool-schema/invalid')).toEqual([['error', 8, 20]]);
    expect(messages(old, 'tool-schema/invalid')[0]).toMatch(/draft-07: at \/properties\/a\/type: must be equal to one of the allowed values \("array", .*, or must be array\./);
  });

  it('follows $schema: draft-07 keywords pass on 2025-11-25 when declared, unknown dialects warn', () => {
    // `dependencies` with an array value is draft-07; 2020-12 would accept it too, so use items-as-array (tuple form).
    const tuple = 'type: object\nproperties:\n  p: { type: array, items: [{ type: string }] }';
    expect(at(lintManifest(tool(tuple)), 'tool-schema/invalid')).toHaveLength(1);
    expect(lintManifest(tool(`$schema: "http://json-schema.org/draft-07/schema#"\n${tuple}`))).toEqual([]);
    const d = lintManifest(tool('$schema: "http://json-schema.org/draft-04/schema#"\ntype: object\nproperties: { a: { type: string } }'));
    expect(at(d, 'tool-schema/unknown-dialect')).toEqual([['warning', 6, 16]]);
  });

  it('reports $refs that do not resolve', () => {
    const d = lintManifest(tool('type: object\nproperties:\n  a: { $ref: "#/$defs/Nope" }\n  b: { $ref: "#nope" }'));
    expect(at(d, 'tool-schema/unresolved-ref')).toEqual([['error', 8, 20], ['error', 9, 20]]);
  });

  it('resolves a nested file $ref when loading, and reports a missing one as a located load error', () => {
    const missing = lintManifest(tool('type: object\nproperties:\n  c: { $ref: "other.json#/x" }'));
    expect(at(missing, 'load/ref-not-found')).toEqual([['error', 8, 20]]);
    const found = lintManifest(tool('type: object\nproperties:\n  c: { $ref: "other.json#/x" }'), {
      files: { 'other.json': '{"x": {"type": "string"}}' },
    });
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    expect(at(found, 'tool-schema/external-ref')).toEqual([]);
  });

  it('reports a $ref that loops back to the same value (validation would never end), and accepts recursion into a part of the value', () => {
    // 2020-12: allOf inside the definition it points to.
    const d = lintManifest(tool('type: object\nproperties: { a: { $ref: "#/$defs/A" } }\n$defs:\n  A: { type: object, allOf: [{ $ref: "#/$defs/A" }] }'));
    expect(at(d, 'tool-schema/ref-loop')).toEqual([['error', 9, 44]]);
    expect(messages(d, 'tool-schema/ref-loop')[0]).toMatch(/leads back to a schema that applies to the same value/);
    // Draft-07 ignores the keywords beside $ref: the root's `$ref: "#"` is the whole schema.
    const draft07 = lintManifest(tool('$schema: http://json-schema.org/draft-07/schema#\ntype: object\nproperties: { path: { type: string } }\n$ref: "#"'));
    expect(at(draft07, 'tool-schema/ref-loop')).toEqual([['error', 9, 13]]);
    // Through a part of the value (properties, items): a tree, fine in both dialects.
    const tree = 'type: object\nproperties:\n  children: { type: array, items: { $ref: "#" } }\n  next: { $ref: "#/$defs/Node" }\n$defs:\n  Node: { type: object, properties: { next: { $ref: "#/$defs/Node" } } }';
    expect(at(lintManifest(tool(tree)), 'tool-schema/ref-loop')).toEqual([]);
    expect(at(lintManifest(tool(tree.replace('$defs', 'definitions').replace('#/$defs/Node', '#/definitions/Node').replace('#/$defs/Node', '#/definitions/Node'), '2025-06-18')), 'tool-schema/ref-loop')).toEqual([]);
    // anyOf with a way out still recurses on the values that take the other branch.
    expect(at(lintManifest(tool('type: object\nanyOf: [{ required: [a] }, { $ref: "#" }]')), 'tool-schema/ref-loop')).toEqual([['error', 7, 42]]);
  });

  it('reports required names that are not declared, also in nested schemas', () => {
    const d = lintManifest(tool('type: object\nproperties:\n  a: { type: object, properties: { x: { type: string } }, required: [x, y] }\nrequired: [a, b]'));
    expect(at(d, 'tool-schema/required-unknown')).toEqual([['error', 9, 21], ['error', 8, 79]]);
    expect(messages(d, 'tool-schema/required-unknown')).toEqual([
      '"b" is required but not declared under properties.',
      '"y" is required but not declared under properties.',
    ]);
    // With composition the name may be declared elsewhere: not reported.
    expect(lintManifest(tool('type: object\nallOf: [{ properties: { a: { type: string } } }]\nrequired: [a]'))).toEqual([]);
  });

  it('warns on a no-parameter schema that is not exactly {type: object, additionalProperties: false}', () => {
    expect(at(lintManifest(tool('type: object')), 'tool-schema/no-parameters-shape')).toEqual([['warning', 6, 7]]);
    expect(at(lintManifest(tool('type: object\nproperties: {}')), 'tool-schema/no-parameters-shape')).toEqual([['warning', 6, 7]]);
    expect(lintManifest(tool('type: object\nadditionalProperties: false\ndescription: none'))).toEqual([]);
  });

  it('checks a schema loaded through a file $ref at its position in that file', () => {
    const d = lintManifest(
      `
      revision: 2025-11-25
      tools:
        - name: t
          description: d
          inputSchema: { $ref: ./input.json }
    `,
      { files: { 'input.json': '{\n  "type": "object",\n  "properties": { "a": { "$ref": "#/$defs/X" } }\n}\n' } },
    );
    expect(d.map((x) => [x.code, x.location?.file.endsWith('input.json'), x.location?.line, x.location?.column])).toEqual([
      ['tool-schema/unresolved-ref', true, 3, 34],
    ]);
  });
});
