/**
 * Human-readable diagnostics: grouped by file, `file:line:col  severity  code
 * message`, a code frame, the hint, and a summary line.
 */
import { readInputFile } from '../load/read-input.js';
import { codeFrame, printable } from './code-frame.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';

export interface TextFormatOptions {
  /** Known file contents (from the loader); other files are read from disk. */
  sources?: ReadonlyMap<string, string>;
  /** Show code frames (default true). */
  frames?: boolean;
  /** Append `N errors, M warnings` (default true). */
  summary?: boolean;
}

export function formatText(diagnostics: readonly Diagnostic[], options: TextFormatOptions = {}): string {
  const frames = options.frames ?? true;
  const cache = new Map<string, string | null>();
  const sourceOf = (file: string): string | null => {
    if (options.sources?.has(file)) return options.sources.get(file) ?? null;
    if (!cache.has(file)) {
      // Only regular UTF-8 files of sensible size get a frame: a diagnostic about a FIFO,
      // /dev/zero or a huge file must not hang or eat memory while it is printed.
      const read = readInputFile(file, { kind: 'file', shown: file, maxBytes: 4 * 1024 * 1024 });
      cache.set(file, 'text' in read ? read.text : null);
    }
    return cache.get(file) ?? null;
  };

  const blocks: string[] = [];
  let currentFile: string | undefined;
  for (const d of sortDiagnostics(diagnostics)) {
    const loc = d.location;
    if (loc && loc.file !== currentFile) {
      currentFile = loc.file;
      blocks.push(printable(loc.file));
    }
    const where = loc ? `${printable(loc.file)}:${loc.line}:${loc.column}` : 'mcpgen';
    const lines = [`${where}  ${d.severity}  ${d.code}  ${printable(d.message)}`];
    if (frames && loc) {
      const src = sourceOf(loc.file);
      const frame = src === null ? '' : codeFrame(src, loc.line, loc.column);
      if (frame) lines.push(indent(frame));
    }
    if (d.hint) lines.push(`    hint: ${printable(d.hint)}`);
    blocks.push(lines.join('\n'));
  }
  if (options.summary ?? true) blocks.push(summaryLine(diagnostics));
  return blocks.join('\n') + '\n';
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.info) parts.push(plural(c.info, 'info'));
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
