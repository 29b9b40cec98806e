/** The renamedFrom key: checked by lint, kept off the wire and out of revision warnings. */
import { describe, expect, it } from 'vitest';
import { lintManifest } from '../helpers/lint-manifest.js';

const codes = (text: string) => lintManifest(text).map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`);

describe('renamedFrom', () => {
  it('a valid renamedFrom gives no finding at all (not even a revision warning)', () => {
    const found = codes(`
      tools:
        - name: fetch
          description: Fetches.
          renamedFrom: get
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(found).toEqual([]);
  });

  it('a non-string, empty or own name is an error; a name still declared is a warning, each located', () => {
    const found = codes(`
      tools:
        - name: a
          description: A.
          renamedFrom: 42
          inputSchema: { type: object, additionalProperties: false }
        - name: b
          description: B.
          renamedFrom: b
          inputSchema: { type: object, additionalProperties: false }
        - name: c
          description: C.
          renamedFrom: a
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(found).toEqual(['4:18 renamed-from/invalid', '8:18 renamed-from/invalid', '12:18 renamed-from/still-declared']);
  });
});
