/**
 * Parted texts (output/parted-text.ts, text-bytes.ts): a large generated
 * module kept as its parts must read, compare, hash and write exactly as
 * its joined text would, in a one-shot run and across re-runs that keep
 * bytes and hash states (`generate --watch`), whatever the parts hold.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parted, partsOf, sameText, textHead, textLength, textStartsWith, withFields } from '../../generator/output/parted-text.js';
import { HASH_STATE_STEP, sha256OfParts, partsHoldCr, writeParts } from '../../generator/output/text-bytes.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';
import { resetWorkCounts, workCounts } from '../../generator/pipeline/work-counts.js';
import { writeFiles } from '../helpers/write-files.js';
import { emitOutput } from '../../generator/output/emit-output.js';
import { headerText } from '../../generator/output/header.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Chunks like the validators module's: header, then chunks separated by blank lines, then a newline. */
const chunk = (i: number, body = 'return true;') => `export function v${i}(data) {\n  ${body}\n}`;
const moduleParts = (chunks: string[]): string[] => ['// header\n', ...chunks.flatMap((c, i) => (i ? ['\n\n', c] : [c])), '\n'];

describe('parted texts', () => {
  afterEach(() => keepRunMemos(false));

  it('read as their joined text; copies keep the parts unless the text is replaced', () => {
    const parts = ['ab', 'c', '', 'def'];
    resetWorkCounts();
    const file = parted({ path: 'x.ts', owner: 'generated' as const }, parts);
    expect(partsOf(file)).toBe(parts);
    expect(textLength(file)).toBe(6);
    expect(textHead(file, 4)).toBe('abcd');
    expect(textStartsWith(file, 'abcd')).toBe(true);
    expect(textStartsWith(file, 'abce')).toBe(false);
    expect(workCounts()['parted-texts-joined']).toBe(0);
    const moved = withFields(file, { path: 'y.ts' });
    expect(partsOf(moved)).toBe(parts);
    expect({ ...moved }).toEqual({ path: 'y.ts', owner: 'generated', contents: 'abcdef' });
    expect(workCounts()['parted-texts-joined']).toBe(1);
    const replaced = withFields(file, { contents: 'other' });
    expect(partsOf(replaced)).toBeUndefined();
    expect(replaced.contents).toBe('other');
    // Assigning the text (as the package.json merge does for its file) un-parts it.
    moved.contents = 'assigned';
    expect(partsOf(moved)).toBeUndefined();
    expect(moved.contents).toBe('assigned');
    expect(file.contents).toBe('abcdef');
  });

  it('compare like their joined texts, however they are split', () => {
    const a = parted({}, ['ab', 'cd']);
    expect(sameText(a, parted({}, ['ab', 'cd']))).toBe(true);
    expect(sameText(a, parted({}, ['a', 'bcd']))).toBe(true);
    expect(sameText(a, { contents: 'abcd' })).toBe(true);
    expect(sameText({ contents: 'abcd' }, a)).toBe(true);
    expect(sameText(a, parted({}, ['ab', 'ce']))).toBe(false);
    expect(sameText(a, parted({}, ['ab', 'cde']))).toBe(false);
    expect(sameText(a, { contents: 'abce' })).toBe(false);
  });

  it('hash and write as the UTF-8 of their joined text, also with a surrogate pair split between parts', () => {
    const dir = writeFiles({});
    const samples: [string, string[]][] = [
      ['ASCII', moduleParts([chunk(1), chunk(2)])],
      ['multi-byte', ['é', '\u20ac'.repeat(50_000), '\u{1F600}']],
      // Parts beyond one-shot runs' window of bytes (text-bytes.ts streamParts): one larger than it, and several that fill it.
      ['larger than the window', ['a', '\u20ac'.repeat(400_000), 'b']],
      ['filling the window', Array.from({ length: 40 }, (_, i) => `${i}`.repeat(30_000) + '\u00e9')],
      ['pair split', ['a\ud83d', '\ude00b']],
      ['lone surrogates', ['\ud800', 'x', '\udc00']],
      ['empty', []],
      // More parts than one gathered write takes, empty ones among them.
      ['many parts', Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '' : `p${i};\n`))],
    ];
    samples.forEach(([name, parts], i) => {
      const text = parts.join('');
      expect(sha256OfParts(parts, `slot${i}`), name).toBe(reference(text));
      expect(partsHoldCr(parts, `slot${i}`), name).toBe(false);
      const path = join(dir, `f${i}`);
      const fd = openSync(path, 'w');
      writeParts(fd, parts, `slot${i}`);
      closeSync(fd);
      expect(readFileSync(path).equals(Buffer.from(text, 'utf8')), name).toBe(true);
    });
    expect(partsHoldCr(['a', 'b\r\n'], 'cr')).toBe(true);
  });

  it('re-runs encode and hash only from the first changed part, with the digest of the whole text', () => {
    keepRunMemos();
    // Chunks of a real validator's size (10 KB): hash states are kept every HASH_STATE_STEP bytes, so a re-run
    // rehashes at most that many bytes before the first changed part (STEP parts here), and the parts after it.
    const pad = ' '.repeat(10_000);
    const chunks = Array.from({ length: 100 }, (_, i) => chunk(i, `return true; //${pad}`));
    const STEP = 2 * Math.ceil(HASH_STATE_STEP / 10_000);
    const hashes = (parts: string[]) => {
      resetWorkCounts();
      const digest = sha256OfParts(parts, 'module.ts');
      expect(digest).toBe(reference(parts.join('')));
      return workCounts();
    };
    expect(hashes(moduleParts(chunks))['text-parts-encoded']).toBe(new Set(moduleParts(chunks)).size);
    // One chunk appended (new strings for the new parts only, as the chunk memo gives).
    const appended = [...chunks, chunk(100)];
    let counts = hashes(moduleParts(appended));
    expect(counts['text-parts-encoded']).toBe(1);
    expect(counts['text-parts-hashed']).toBeLessThanOrEqual(STEP + 3);
    // A chunk in the middle edited: rehashed from there on, encoded alone.
    const edited = [...appended];
    edited[50] = chunk(50, `return false; //${pad}`);
    counts = hashes(moduleParts(edited));
    expect(counts['text-parts-encoded']).toBe(1);
    expect(counts['text-parts-hashed']).toBeLessThanOrEqual(moduleParts(edited).length - 2 * 50 + STEP);
    // A removal, then the header changed: still the right digest (rehashed from the start).
    hashes(moduleParts(edited.filter((_, i) => i !== 10)));
    const headed = moduleParts(edited);
    headed[0] = '// other header\n';
    expect(hashes(headed)['text-parts-hashed']).toBe(headed.length);
  });

  it('go through the write stage as their joined text: header put in front, index hash, unchanged on a second run', async () => {
    const out = join(writeFiles({}), 'out');
    const header = { version: '9.9.9', revision: '2025-11-25' };
    const files = () => [
      parted({ path: 'src/big.ts', owner: 'generated' as const, formatted: true }, ['export const a = 1;\n', '\u20ac', '\n']),
      parted({ path: 'big.json', owner: 'generated' as const, formatted: true }, ['{', '"a": 1', '}\n']),
      parted({ path: 'src/headed.ts', owner: 'generated' as const, formatted: true, headed: true }, [headerText('src/headed.ts', header), 'export {};\n']),
    ];
    resetWorkCounts();
    const first = await emitOutput(files(), { out, mode: 'write', header });
    expect(first.plan.filter((p) => p.action === 'create').map((p) => p.path).sort()).toEqual(['.mcpgen/files.json', 'big.json', 'src/big.ts', 'src/headed.ts']);
    expect(readFileSync(join(out, 'src/big.ts'), 'utf8')).toBe(`${headerText('src/big.ts', header)}export const a = 1;\n\u20ac\n`);
    expect(readFileSync(join(out, 'big.json'), 'utf8')).toBe('{"a": 1}\n');
    expect(readFileSync(join(out, 'src/headed.ts'), 'utf8')).toBe(`${headerText('src/headed.ts', header)}export {};\n`);
    const index = JSON.parse(readFileSync(join(out, '.mcpgen/files.json'), 'utf8')) as { files: Record<string, string> };
    for (const path of ['src/big.ts', 'big.json', 'src/headed.ts']) expect(index.files[path], path).toBe(reference(readFileSync(join(out, path), 'utf8')));
    expect(workCounts()['parted-texts-joined']).toBe(0);
    const second = await emitOutput(files(), { out, mode: 'write', header, previousIndex: index as never });
    expect(second.plan.filter((p) => p.action !== 'unchanged').map((p) => p.path)).toEqual([]);
  });
});
