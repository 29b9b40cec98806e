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
  // Table cells need line breaks; the templates write them as `<br>`. User text
  // never reaches this rule as `<br>`: the view model escapes every `<` first.
  md.inline.ruler.before('html_inline', 'template_br', (state, silent) => {
    if (!state.src.startsWith('<br>', state.pos)) return false;
    if (!silent) state.push('html_inline', '', 0).content = '<br>';
    state.pos += 4;
    return true;
  });
  md.core.ruler.push('heading_ids', (state) => {
    const slugger = new Slugger();
    const ids: string[] = [];
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const inline = state.tokens[i + 1];
      const text = (inline?.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('');
      const id = slugger.claim(text);
      token.attrSet('id', id);
      ids.push(id);
    });
    (state.env as { ids?: string[] }).ids = ids;
  });
  return (instance = md);
}

export async function markdownToHtml(markdown: string): Promise<RenderedHtml> {
  const md = await markdownIt();
  const env: { ids?: string[] } = {};
  const html = md.render(markdown, env);
  return { html, ids: env.ids ?? [] };
}
