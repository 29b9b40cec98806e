/**
 * A few lines of source around a location with a caret under the column, the
 * way compilers show errors. Control characters in the source are shown
 * escaped so that hostile input cannot rewrite the terminal.
 */
import { countWork } from '../pipeline/work-counts.js';

const CONTEXT_LINES = 2;
/** Characters of a line shown around the column; minified JSON can be one huge line. */
const MAX_WIDTH = 120;

/**
 * The lines of the last source framed: a report frames every diagnostic of a
 * file from the same text, and splitting it for each one made 500 warnings in
 * a 50,000-line manifest take five seconds.
 */
let lastSource: string | undefined;
let lastLines: string[] = [];

function linesOf(source: string): string[] {
  if (source !== lastSource) {
    lastLines = source.split(/\r\n|\r|\n/);
    countWork('sources-split-into-lines');
    lastSource = source;
  }
  return lastLines;
}

export function codeFrame(source: string, line: number, column: number): string {
  const lines = linesOf(source);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const width = String(last).length;
  const out: string[] = [];
  // One window for all shown lines, so the caret stays under its column.
  const start = Math.max(0, column - 1 - Math.floor(MAX_WIDTH / 2));
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1] ?? '';
    const text = clip(raw, start);
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${text}`.trimEnd());
    if (n === line) {
      const lead = start > 0 ? 1 : 0; // the '…' that stands for the clipped start
      const prefix = printable(raw.slice(start, Math.max(start, column - 1))).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(lead)}${prefix}^`);
    }
  }
  return out.join('\n');
}

function clip(line: string, start: number): string {
  const visible = line.slice(start, start + MAX_WIDTH);
  return (start > 0 ? '…' : '') + printable(visible) + (start + MAX_WIDTH < line.length ? '…' : '');
}

/** Replaces control characters (other than tab) with visible escapes. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
