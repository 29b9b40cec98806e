/**
 * The static runtime modules under templates/ are copied into generated
 * packages as they are, without a formatter pass (issue 17: formatting is
 * most of a large run). So they must already be in the formatter's layout,
 * with mcpgen's fixed options; this test keeps them so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PRETTIER_OPTIONS } from '../../generator/output/format-files.js';
import { repoRoot } from '../helpers/paths.js';

const dirs = ['server', 'client'].map((d) => join(repoRoot, 'templates', d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)));

describe('static runtime templates are laid out', () => {
  it.each(files.map((f) => [f.slice(repoRoot.length + 1), f]))('%s is formatted', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(await format(text, { ...PRETTIER_OPTIONS, parser: 'typescript' })).toBe(text);
  });
});
