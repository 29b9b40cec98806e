/**
 * Formats generated files with prettier, loaded lazily and once per run
 * (prettier is most of the generation time). Options are fixed here, not read
 * from the user's config, so output is identical on every machine.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './file-map.js';
import { countWork } from '../pipeline/work-counts.js';

const PARSERS: [RegExp, string][] = [
  [/\.(c|m)?ts$/, 'typescript'],
  [/\.(c|m)?js$/, 'babel'],
  [/\.json$/, 'json'],
  [/\.md$/, 'markdown'],
  [/\.ya?ml$/, 'yaml'],
];

export const PRETTIER_OPTIONS = { printWidth: 100, singleQuote: true, trailingComma: 'all', proseWrap: 'preserve' } as const;

/**
 * Formatted texts of the previous run in this process, by parser and input
 * text: `generate --watch` reformats only the files whose contents changed.
 * Replaced on each run, so it holds at most one run's files.
 */
let formatMemo = new Map<string, string>();

export async function formatFiles(files: OutputFile[]): Promise<OutputFile[]> {
  const needs = files.filter((f) => !f.formatted && PARSERS.some(([re]) => re.test(f.path)));
  if (needs.length === 0) return files;
  const prettier = await import('prettier');
  const memo = new Map<string, string>();
  const format = async (contents: string, parser: string): Promise<string> => {
    const key = `${parser}\0${contents}`;
    let formatted = formatMemo.get(key);
    if (formatted === undefined) {
      countWork('formatter-passes');
      formatted = await prettier.format(contents, { ...PRETTIER_OPTIONS, parser });
    }
    memo.set(key, formatted);
    return formatted;
  };
  const out: OutputFile[] = [];
  for (const file of files) {
    const parser = file.formatted ? undefined : PARSERS.find(([re]) => re.test(file.path))?.[1];
    if (!parser) {
      out.push(file);
      continue;
    }
    try {
      out.push({ ...file, contents: await format(file.contents, parser), formatted: true });
    } catch (err) {
      throw new McpgenError({
        code: 'output/format-failed',
        severity: 'error',
        message: `Generated ${file.path} could not be formatted: ${(err as Error).message.split('\n')[0]}`,
        hint: 'This is a bug in mcpgen; please report it with the manifest that triggers it.',
      });
    }
  }
  formatMemo = memo;
  return out;
}
