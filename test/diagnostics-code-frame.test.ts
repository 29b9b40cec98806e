import { describe, expect, it } from 'vitest';
import { codeFrame } from '../generator/diagnostics/code-frame.js';
import type { Diagnostic } from '../generator/diagnostics/diagnostic.js';
import { formatText } from '../generator/diagnostics/format-text.js';
import { resetWorkCounts, workCounts } from '../generator/pipeline/work-counts.js';

describe('codeFrame', () => {
  it('shows context lines and a caret under the column', () => {
    expect(codeFrame('a: 1\nb: [\nc: 3\n', 2, 4)).toBe(['  1 | a: 1', '> 2 | b: [', '    |    ^', '  3 | c: 3', '  4 |'].join('\n'));
  });

  it('clips very long lines around the column, keeping the caret aligned', () => {
    const line = 'x'.repeat(5000) + 'ERR' + 'y'.repeat(5000);
    const frame = codeFrame(line, 1, 5001).split('\n');
    expect(frame[0]!.length).toBeLessThan(140);
    expect(frame[0]).toMatch(/^> 1 \| …x+ERRy+…$/);
    expect(frame[1]!.indexOf('^')).toBe(frame[0]!.indexOf('ERR'));
  });

  it('escapes control characters and line separators', () => {
    expect(codeFrame('a\u001b[31mb\u2028', 1, 1)).toContain('a\\u001b[31mb\\u2028');
  });
});

describe('formatText with many diagnostics in one file', () => {
  it('splits the source into lines once, not once per diagnostic', () => {
    const source = Array.from({ length: 2000 }, (_, i) => `line ${i + 1}`).join('\n');
    const diagnostics: Diagnostic[] = Array.from({ length: 300 }, (_, i) => ({
      code: 'test/many',
      severity: 'warning' as const,
      message: `warning ${i}`,
      location: { file: 'big.yaml', line: i * 5 + 3, column: 1 },
    }));
    resetWorkCounts();
    const text = formatText(diagnostics, { sources: new Map([['big.yaml', source]]) });
    expect(text).toContain('> 1498 | line 1498');
    expect(workCounts()['sources-split-into-lines']).toBe(1);
  });
});
