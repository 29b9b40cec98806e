/**
 * `--stdio "node server.js --flag 'a b'"` → command and arguments, split the
 * way a POSIX shell splits words (quotes and backslashes), without running a
 * shell: nothing is expanded, substituted or globbed.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';

export function splitCommand(line: string): { command: string; args: string[] } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw usage(`The --stdio command has an unclosed ${quote} quote.`);
  if (inWord) words.push(word);
  if (!words.length) throw usage('The --stdio command is empty.');
  return { command: words[0]!, args: words.slice(1) };
}

function usage(message: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message, hint: 'Example: mcpgen import --stdio "node dist/server.js --stdio" --out mcp.yaml' });
}
