/**
 * The Handlebars helpers of the reference docs, registered in one place on an
 * isolated Handlebars environment. Templates are compiled with `noEscape`
 * (Handlebars' HTML escaping would mangle Markdown such as backticks), so all
 * escaping happens here, explicitly, per context: table cell or block.
 */
import type HandlebarsNs from 'handlebars';
import { anchorOf, escapeBlock, escapeCell } from './markdown-escape.js';

type HandlebarsEnv = typeof HandlebarsNs;

/**
 * Turns `{@link Name}` in spec text into a link to Name's section. The
 * official schema files lost the `|` between target and label
 * (`{@link ListToolsRequesttools/list}`), so the target is the longest
 * definition name the text starts with, and what follows is the label.
 */
export function linkify(text: string, names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return text.replace(/\{@link\s+([^}]*)\}/g, (whole, body: string) => {
    const target = sorted.find((n) => body.startsWith(n));
    if (!target) return body.trim() || whole;
    const rest = body.slice(target.length).replace(/^\s*\|?\s*/, '');
    const label = rest === '' ? target : rest.startsWith('.') ? body : rest;
    return `[${label}](#${anchorOf(target)})`;
  });
}

/** Registers the helpers on `hb`; `names` are the revision's definitions, for links. */
export function registerDocsHelpers(hb: HandlebarsEnv, names: readonly string[]): void {
  // Escape first, then link: the link syntax itself must not be escaped.
  hb.registerHelper('cell', (text: unknown) => linkify(escapeCell(String(text ?? '')), names));
  hb.registerHelper('block', (text: unknown) => linkify(escapeBlock(String(text ?? '')), names));
  hb.registerHelper('requiredMark', (required: unknown) => (required ? 'yes' : ''));
}
