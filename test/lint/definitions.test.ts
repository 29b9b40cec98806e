/** Official definitions (rules/definitions.ts) and fields a revision lacks (rules/revision-fields.ts). */
import { describe, expect, it } from 'vitest';
import { at, codes, lintManifest, messages } from '../helpers/lint-manifest.js';

describe('official definitions', () => {
  it('reports wrong types and missing required fields at the value or the object', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      server:
        name: s
        version: 2
      tools:
        - description: no name
          inputSchema: { type: object, additionalProperties: false }
          annotations: { readOnlyHint: "yes" }
      resources:
        - uri: file:///a
    `);
    expect(at(d, 'definition/invalid')).toEqual([
      ['error', 4, 12],
      ['error', 8, 34],
    ]);
    expect(messages(d, 'definition/invalid')[0]).toContain('Server info (Implementation, revision 2025-11-25): at /version: must be string');
    expect(at(d, 'definition/missing-field')).toEqual([
      ['error', 6, 5],
      ['error', 10, 5],
    ]);
    expect(messages(d, 'definition/missing-field')).toEqual([
      expect.stringContaining('required field "name" is missing'),
      expect.stringContaining('required field "name" is missing'),
    ]);
  });

  it('validates against the target revision: Icon.theme enum exists from 2025-11-25', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      server:
        name: s
        version: "1"
        icons: [{ src: "https://x.example/i.png", theme: blue }]
    `);
    expect(at(d, 'definition/invalid')).toEqual([['error', 5, 52]]);
  });

  it('accepts valid objects on every final revision', () => {
    for (const revision of ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28']) {
      const d = lintManifest(`
        server: { name: s, version: "1" }
        tools:
          - name: t
            description: d
            inputSchema: { type: object, additionalProperties: false }
        resources: [{ uri: "file:///a", name: a }]
        resourceTemplates: [{ uriTemplate: "file:///{path}", name: f }]
        prompts: [{ name: p, arguments: [{ name: x, required: true }] }]
      `, { revision });
      expect(d, revision).toEqual([]);
    }
  });
});

describe('fields the target revision lacks', () => {
  const manifest = `
    tools:
      - name: t
        title: T
        description: d
        inputSchema: { type: object, additionalProperties: false }
        outputSchema: { type: object }
        annotations: { readOnlyHint: true }
        icons: [{ src: "https://x.example/i.png" }]
        execution: { taskSupport: optional }
  `;

  it('reports each with the revision that added or removed it, once (not again as a definition error)', () => {
    const old = lintManifest(manifest, { revision: '2024-11-05' });
    expect(at(old, 'revision/field-unsupported')).toEqual([
      ['warning', 3, 5],
      ['warning', 6, 5],
      ['warning', 7, 5],
      ['warning', 8, 5],
      ['warning', 9, 5],
    ]);
    expect(messages(old, 'revision/field-unsupported')[1]).toContain('"outputSchema" in revision 2024-11-05; it is left out. It was added in 2025-06-18.');
    expect(codes(old)).toEqual(['revision/field-unsupported']);

    expect(messages(lintManifest(manifest, { revision: '2025-06-18' }), 'revision/field-unsupported')).toEqual([
      expect.stringContaining('"icons" in revision 2025-06-18; it is left out. It was added in 2025-11-25.'),
      expect.stringContaining('"execution" in revision 2025-06-18; it is left out. It was added in 2025-11-25.'),
    ]);
    expect(messages(lintManifest(manifest, { revision: '2025-03-26' }), 'revision/field-unsupported')).toContain(
      'Tool has no "outputSchema" in revision 2025-03-26; it is left out. It was added in 2025-06-18.',
    );
    const next = lintManifest(manifest, { revision: '2026-07-28' });
    expect(at(next, 'revision/field-unsupported')).toEqual([['warning', 9, 5]]);
    expect(messages(next, 'revision/field-unsupported')[0]).toContain('It was removed after 2025-11-25.');
  });

  it('reports nothing when the revision has every field', () => {
    expect(at(lintManifest(manifest, { revision: '2025-11-25' }), 'revision/field-unsupported')).toEqual([]);
  });
});
