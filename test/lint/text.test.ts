/** Descriptions and control characters (rules/text.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

describe('text', () => {
  it('warns on a tool without a description (or a blank one)', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      tools:
        - name: a
          inputSchema: { type: object, additionalProperties: false }
        - name: b
          description: "  "
          inputSchema: { type: object, additionalProperties: false }
        - name: c
          description: |
            Multi-line descriptions
            with	tabs are fine.
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(at(d, 'text/missing-description')).toEqual([['warning', 3, 5], ['warning', 6, 18]]);
  });

  it('rejects control characters and bidi overrides in names, titles and descriptions', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      server: { name: "s\\u0007", version: "1" }
      tools:
        - name: t
          title: "Safe\\u202Eexe.txt"
          description: "line\\u001b[31m"
          inputSchema: { type: object, additionalProperties: false }
      prompts:
        - { name: p, arguments: [{ name: "a\\tb" }] }
    `);
    expect(at(d, 'text/control-character')).toEqual([['error', 2, 17], ['error', 5, 12], ['error', 6, 18], ['error', 9, 36]]);
    expect(messages(d, 'text/control-character')[1]).toBe('title contains control character U+202E at position 5.');
    // Reported once: not again as a tool-name character problem.
    expect(at(d, 'tool-name/invalid-character')).toEqual([]);
  });
});
