/**
 * codeSpan (emit/docs/markdown-text.ts) puts any string into inline code:
 * the fence is one backtick longer than the longest run inside, a space pads
 * text that starts or ends with a backtick, line breaks become spaces, and
 * in a table pipes are escaped. Rendered by the docs' own markdown-it, the
 * span shows the text exactly (CommonMark strips one padding space a side).
 */
import { describe, expect, it } from 'vitest';
import { codeSpan } from '../../generator/emit/docs/markdown-text.js';
import { markdownToHtml } from '../../generator/emit/docs/markdown-html.js';

describe('codeSpan', () => {
  it('fences text by its longest backtick run, padding text that starts or ends with one', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('')).toBe('`  `');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('a``b`c')).toBe('```a``b`c```');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('x`')).toBe('`` x` ``');
    expect(codeSpan('one\ntwo\r\nthree\u2028four')).toBe('`one two three four`');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
    expect(codeSpan('a|b')).toBe('`a|b`');
  });

  it('renders as the text itself', async () => {
    for (const text of ['plain', 'a`b', 'a``b`c', '`x', 'x`', '``', '<script>&amp;']) {
      const { html } = await markdownToHtml(`${codeSpan(text)}\n`);
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(html, text).toBe(`<p><code>${escaped}</code></p>\n`);
    }
  });
});
