import { describe, expect, it } from 'vitest';
import { codeFrame } from '../generator/diagnostics/code-frame.js';

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
