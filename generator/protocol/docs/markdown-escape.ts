/**
 * Escaping spec text for Markdown. Descriptions come from the schema and can
 * contain `|`, `<`, `>` and line breaks, which would break tables or be read
 * as HTML.
 */

/** Escapes HTML-significant characters (Markdown renderers pass raw HTML through). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a table cell: HTML escaped, pipes escaped, line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return escapeHtml(text.trim())
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** A paragraph of spec text outside tables: HTML escaped, Markdown kept. */
export function escapeBlock(text: string): string {
  return escapeHtml(text.trim());
}

/** Inline code that may itself contain backticks or pipes. */
export function code(text: string, inTable = false): string {
  const fence = text.includes('`') ? '``' : '`';
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return `${fence}${fence === '``' ? ' ' : ''}${body}${fence === '``' ? ' ' : ''}${fence}`;
}

/** The anchor of a definition's heading (GitHub's slug of a plain name: lower case). */
export function anchorOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
