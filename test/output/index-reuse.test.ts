/**
 * `generate --watch` reads back the output index the run before it wrote:
 * while the file holds the text this process built last, the built index is
 * reused (frozen, so no caller can change what the next read returns); any
 * other text, an edit by hand included, is parsed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputIndex, INDEX_PATH, readOutputIndex } from '../../generator/output/output-index.js';
import { writeFiles } from '../helpers/write-files.js';

describe('reading back the output index', () => {
  it('reuses the index built last while the file holds its text, and parses anything else', () => {
    const out = writeFiles({});
    mkdirSync(join(out, '.mcpgen'), { recursive: true });
    const built = buildOutputIndex([{ path: 'a.ts', contents: 'export const a = 1;\n', owner: 'generated' }]);
    writeFileSync(join(out, INDEX_PATH), built.contents);
    const first = readOutputIndex(out)!;
    expect(readOutputIndex(out)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.files)).toBe(true);
    expect(first.files).toEqual({ 'a.ts': JSON.parse(built.contents).files['a.ts'] });

    const edited = JSON.parse(built.contents);
    edited.files['a.ts'] = '0'.repeat(64);
    writeFileSync(join(out, INDEX_PATH), JSON.stringify(edited, null, 2) + '\n');
    const reread = readOutputIndex(out)!;
    expect(reread).not.toBe(first);
    expect(reread.files['a.ts']).toBe('0'.repeat(64));
  });
});
