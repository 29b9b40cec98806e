/**
 * Markdown → HTML for the docs pages, with markdown-it configured so that
 * nothing from a manifest can become markup: raw HTML is off (it is shown as
 * text), links with `javascript:`/`vbscript:`/`file:`/`data:` targets are
 * refused by markdown-it's link validation, and images are off (the page
 * loads nothing from elsewhere). Headings get GitHub's ids, so in-page links
 * written for README.md resolve in index.html too.
 */
import type MarkdownItNs from 'markdown-it';
import { Slugger } from './slug.js';
import { flatText } from '../shared/flat-text.js';

export interface RenderedHtml {
  html: string;
  /** Every heading id, in document order. */
  ids: string[];
}

type MarkdownIt = InstanceType<typeof MarkdownItNs>;

let instance: MarkdownIt | undefined;

async function markdownIt(): Promise<MarkdownIt> {
  if (instance) return instance;
  const { default: MarkdownItCtor } = await import('markdown-it');
  const md = new MarkdownItCtor('default', { html: false, linkify: false, typographer: false });
  md.disable(['image']);
  // markdown-it's own normalize rule, without its copy of text that has nothing to normalize: it replaces every line
  // break by itself (a new copy of each part of a 1,000-tool page). Same result: CR and CRLF become LF, NUL U+FFFD.
  md.core.ruler.at('normalize', (state) => {
    if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
    if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
  });
  // Table cells need line breaks; the templates write them as `<br>`. User text
  // never reaches this rule as `<br>`: the view model escapes every `<` first.
  md.inline.ruler.before('html_inline', 'template_br', (state, silent) => {
    if (!state.src.startsWith('<br>', state.pos)) return false;
    if (!silent) state.push('html_inline', '', 0).content = '<br>';
    state.pos += 4;
    return true;
  });
  md.core.ruler.push('heading_ids', (state) => {
    const env = state.env as RenderEnv;
    const slugger = env.slugger;
    const ids = env.ids;
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[i + 1];
      const text = (inline?.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('');
      const id = slugger.claim(text);
      token.attrSet('id', id);
      ids.push(id);
    });
  });
  return (instance = md);
}

interface RenderEnv {
  slugger: Slugger;
  ids: string[];
}

/**
 * Splits Markdown before each heading that is not inside a code fence. Each
 * part is rendered on its own (one shared slugger keeps ids unique): markdown-it
 * slows down more than linearly on one very large document with many tables,
 * and a page of 1,000 tools is such a document.
 */
export function splitAtHeadings(markdown: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let fence: string | undefined;
  // Line by line, without splitting the text into lines: a 1,000-tool page has 60,000, and only those whose first
  // character after at most three spaces is a backtick, a tilde or a hash can open or close a fence or be a heading.
  for (let lineStart = 0; lineStart <= markdown.length; ) {
    let lineEnd = markdown.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    let first = lineStart;
    while (first < lineEnd && first - lineStart < 3 && markdown.charCodeAt(first) === 32) first++;
    const c = first < lineEnd ? markdown.charCodeAt(first) : 0;
    if (c === 96 || c === 126 || c === 35) {
      const line = markdown.slice(lineStart, lineEnd);
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) fence = marker;
      else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      else if (fence === undefined && /^#{1,6} /.test(line) && lineStart > 0) {
        parts.push(markdown.slice(partStart, lineStart - 1));
        partStart = lineStart;
      }
    }
    lineStart = lineEnd + 1;
  }
  parts.push(markdown.slice(partStart));
  return parts;
}

export async function markdownToHtml(markdown: string): Promise<RenderedHtml> {
  const md = await markdownIt();
  const env: RenderEnv = { slugger: new Slugger(), ids: [] };
  // Each part's HTML is flattened as it is made (shared/flat-text.ts): markdown-it builds it by concatenation.
  const html = splitAtHeadings(markdown).map((part) => flatText(md.render(part, env))).join('');
  return { html, ids: env.ids };
}
