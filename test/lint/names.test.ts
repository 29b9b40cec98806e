/** Tool, prompt and prompt-argument names (rules/names.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

/** A manifest with one tool per name; tool i's name is on line 3 + 3i, column 11. */
function toolsManifest(names: string[], revision = '2025-11-25'): string {
  const tools = names
    .map((n) => `  - name: ${JSON.stringify(n)}\n    description: d\n    inputSchema: { type: object, additionalProperties: false }`)
    .join('\n');
  return `revision: ${revision}\ntools:\n${tools}\n`;
}

describe('tool names', () => {
  it('accepts names in the spec character set', () => {
    const d = lintManifest(toolsManifest(['getUser', 'DATA_EXPORT_v2', 'admin.tools.list']));
    expect(d).toEqual([]);
  });

  it('reports an empty name', () => {
    expect(at(lintManifest(toolsManifest(['ok', ''])), 'tool-name/empty')).toEqual([['error', 6, 11]]);
  });

  it('reports a name longer than 128 characters, and accepts exactly 128', () => {
    const d = lintManifest(toolsManifest(['a'.repeat(128), 'b'.repeat(129)]));
    expect(at(d, 'tool-name/too-long')).toEqual([['error', 6, 11]]);
  });

  it('reports spaces and commas', () => {
    const d = lintManifest(toolsManifest(['get user', 'a,b']));
    expect(at(d, 'tool-name/space-or-comma')).toEqual([['error', 3, 11], ['error', 6, 11]]);
  });

  it('reports characters outside A-Z a-z 0-9 _ - . and names them', () => {
    const d = lintManifest(toolsManifest(['ok', 'wetter:heute', 'café']));
    expect(at(d, 'tool-name/invalid-character')).toEqual([['error', 6, 11], ['error', 9, 11]]);
    expect(messages(d, 'tool-name/invalid-character')[0]).toContain('":"');
  });

  it('warns on "/" and says SEP-986 allows it but the released spec does not', () => {
    const d = lintManifest(toolsManifest(['admin/list']));
    expect(at(d, 'tool-name/slash')).toEqual([['warning', 3, 11]]);
    expect(messages(d, 'tool-name/slash')[0]).toMatch(/SEP-986 allows it, but the released spec text does not/);
    expect(at(d, 'tool-name/invalid-character')).toEqual([]);
  });

  it('warns on a leading or trailing "-" or "."', () => {
    const d = lintManifest(toolsManifest(['-a', 'b.', 'c-d.e']));
    expect(at(d, 'tool-name/edge-punctuation')).toEqual([['warning', 3, 11], ['warning', 6, 11]]);
  });

  it('reports duplicates as errors and case-only differences as warnings', () => {
    const d = lintManifest(toolsManifest(['get_user', 'Get_User', 'get_user', 'other']));
    expect(at(d, 'tool-name/case-collision')).toEqual([['warning', 6, 11]]);
    expect(at(d, 'tool-name/duplicate')).toEqual([['error', 9, 11]]);
    expect(messages(d, 'tool-name/duplicate')[0]).toContain('tools[0]');
  });

  it('downgrades character and length findings to advice before 2025-11-25, but not duplicates', () => {
    const d = lintManifest(toolsManifest(['get user', 'x'.repeat(130), 'dup', 'dup'], '2025-06-18'));
    expect(at(d, 'tool-name/space-or-comma')).toEqual([['warning', 3, 11]]);
    expect(at(d, 'tool-name/too-long')).toEqual([['warning', 6, 11]]);
    expect(messages(d, 'tool-name/too-long')[0]).toContain('advice: revision 2025-06-18 gives no naming guidance');
    expect(at(d, 'tool-name/duplicate')).toEqual([['error', 12, 11]]);
  });

  it('strict profile: reports what widespread clients reject, and says which', () => {
    const names = ['getUser', 'admin.list', '2fa_reset', 'a'.repeat(65)];
    expect(at(lintManifest(toolsManifest(names)), 'tool-name/client-compat')).toEqual([]);
    const d = lintManifest(toolsManifest(names), { profile: 'strict' });
    expect(at(d, 'tool-name/client-compat')).toEqual([['error', 6, 11], ['error', 9, 11], ['error', 12, 11]]);
    const [dots, digit, long] = messages(d, 'tool-name/client-compat');
    expect(dots).toContain('several clients reject dots');
    expect(digit).toContain('some clients require one');
    expect(long).toContain('^[a-zA-Z0-9_-]{1,64}$');
  });
});

describe('prompt and argument names', () => {
  const manifest = `
    revision: 2025-11-25
    prompts:
      - name: plan trip
        arguments:
          - name: city
          - name: city
      - name: plan trip
  `;

  it('reports duplicates as errors and character problems as advice', () => {
    const d = lintManifest(manifest);
    expect(at(d, 'prompt-name/space-or-comma')).toEqual([['warning', 3, 11], ['warning', 7, 11]]);
    expect(messages(d, 'prompt-name/space-or-comma')[0]).toContain('advice');
    expect(at(d, 'prompt-name/duplicate')).toEqual([['error', 7, 11]]);
    expect(at(d, 'prompt-argument/duplicate')).toEqual([['error', 6, 15]]);
  });

  it('accepts distinct, well-formed names', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      prompts:
        - name: plan_trip
          arguments: [{ name: city }, { name: days }]
        - name: summarize
    `);
    expect(d).toEqual([]);
  });
});

describe('identifier collisions', () => {
  it('is an error naming both places when two names map to one identifier, whatever their order', () => {
    const text = (a: string, b: string) => `
      revision: 2025-11-25
      tools:
        - name: ${a}
          description: d
          inputSchema: { type: object, additionalProperties: false }
        - name: ${b}
          description: d
          inputSchema: { type: object, additionalProperties: false }
    `;
    const one = lintManifest(text('add_note', 'add-note'));
    expect(at(one, 'names/identifier-collision')).toEqual([['error', 6, 11]]);
    expect(messages(one, 'names/identifier-collision')[0]).toMatch(/"add-note" and "add_note" \(mcp\.yaml:3:11\) map to the same identifier "addNote"/);
    const swapped = lintManifest(text('add-note', 'add_note'));
    expect(at(swapped, 'names/identifier-collision')).toEqual([['error', 6, 11]]);
  });
});
