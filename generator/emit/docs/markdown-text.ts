/**
 * Manifest strings into Markdown, per context. Every string from a manifest
 * passes through one of these before it reaches a template, so the templates
 * (and users' own partials) only ever see text that is safe to place: raw
 * HTML is escaped, table syntax cannot break, and a description cannot add a
 * heading (which would shift every heading id after it).
 */
import { escapeHtml } from '../../protocol/docs/markdown-escape.js';

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** One line of plain text (titles, names in prose): no Markdown, no HTML. */
export function inlineText(text: string): string {
  return escapeHtml(text.replace(LINE_BREAKS, ' ').trim()).replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** A description as a block: its Markdown kept, HTML escaped, no headings, no code fences. */
export function blockText(text: string): string {
  return escapeHtml(text.replace(LINE_BREAKS, '\n').trim())
    .split('\n')
    // Headings (ATX and setext) and code fences would escape the description's paragraph.
    .map((line) => (/^ {0,3}(#|`{3,}|~{3,}|=+\s*$|-{2,}\s*$)/.test(line) ? line.replace(/^( {0,3})/, '$1\\') : line))
    .join('\n');
}

/** A description inside a table cell: Markdown kept, HTML and pipes escaped, breaks as `<br>`. */
export function cellText(text: string): string {
  return escapeHtml(text.trim()).replace(/\|/g, '\\|').replace(LINE_BREAKS, '<br>');
}

/** Inline code for any string, in or out of a table. */
export function codeSpan(text: string, inTable = false): string {
  const flat = text.replace(LINE_BREAKS, ' ');
  // Most names and types hold no backtick: no scan for runs of them (a 1,000-tool page has about 100,000 code spans).
  const longest = flat.includes('`') ? Math.max(...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) : 0;
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence no content can close. */
export function fencedBlock(content: string, language = ''): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

/** A link for an http(s) URL; anything else is shown as code, never as a link. */
export function urlLink(url: string): string {
  if (/^https?:\/\/[^\s<>()\\]+$/i.test(url)) return `[${inlineText(url)}](${url})`;
  return codeSpan(url);
}
