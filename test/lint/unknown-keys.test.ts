import { describe, expect, it } from 'vitest';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

describe('unknown keys and misspelt schema keywords', () => {
  const manifest = `
    revision: 2025-11-25
    server: { name: s, version: 1.0.0, websiteUrl: https://example.com, verison: 2 }
    tools:
      - name: t
        descripton: finds things
        annotations: { readOnlyHnt: true }
        inputSchema:
          type: object
          properties:
            q: { type: string, minLenght: 2 }
          requried: [q]
          addtionalProperties: false
    prompts:
      - name: p
        arguments: [{ name: a, requird: true }]
  `;

  it('reports a key no revision defines at the key, with the closest known key', () => {
    const d = lintManifest(manifest);
    expect(at(d, 'manifest/unknown-key')).toEqual([
      ['error', 2, 69],
      ['error', 5, 5],
      ['error', 6, 20],
      ['error', 15, 28],
    ]);
    expect(messages(d, 'manifest/unknown-key')).toEqual([
      'Unknown key "verison" on server. Did you mean "version"?',
      'Unknown key "descripton" on tool "t". Did you mean "description"?',
      'Unknown key "readOnlyHnt" on tool annotations. Did you mean "readOnlyHint"?',
      'Unknown key "requird" on prompt argument. Did you mean "required"?',
    ]);
    // Not reported a second time as a field the revision lacks.
    expect(at(d, 'revision/field-unsupported')).toEqual([]);
  });

  it('warns on misspelt JSON Schema keywords with the keyword meant', () => {
    const d = lintManifest(manifest);
    expect(messages(d, 'tool-schema/unknown-keyword')).toEqual([
      '"requried" is not a JSON Schema keyword (2020-12). Did you mean "required"?',
      '"addtionalProperties" is not a JSON Schema keyword (2020-12). Did you mean "additionalProperties"?',
      '"minLenght" is not a JSON Schema keyword (2020-12). Did you mean "minLength"?',
    ]);
    expect(at(d, 'tool-schema/unknown-keyword').every(([s]) => s === 'warning')).toBe(true);
  });

  it('does not tell a tool with a misspelt `properties` that it takes no parameters', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      tools:
        - name: t
          description: d
          inputSchema: { type: object, propertes: { q: { type: string } } }
    `);
    expect(at(d, 'tool-schema/unknown-keyword')).toEqual([['warning', 5, 34]]);
    expect(at(d, 'tool-schema/no-parameters-shape')).toEqual([]);
  });

  it('keeps a key of another revision a revision-fields warning, without a typo error', () => {
    const d = lintManifest(`
      revision: 2024-11-05
      tools:
        - name: t
          description: d
          title: T
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(at(d, 'manifest/unknown-key')).toEqual([]);
    expect(at(d, 'revision/field-unsupported')).toEqual([['warning', 5, 5]]);
  });
});
