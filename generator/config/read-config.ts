/**
 * Finds and reads a config file into plain data, with a source map for the
 * formats that have positions (JSON, YAML). TypeScript configs are compiled
 * with the TypeScript compiler (loaded only for them) into a temporary module
 * beside the config, so that its imports resolve as the user wrote them.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { nodeCrypto } from '../output/node-crypto.js';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/display-path.js';
import { parseYamlOrJson } from '../load/parse-document.js';
import type { SourceMap } from '../load/source-map.js';

/** Searched in this order in the working directory when --config is not given. */
export const CONFIG_FILES = ['mcpgen.config.ts', 'mcpgen.config.mjs', 'mcpgen.config.json', 'mcpgen.config.yaml', 'mcpgen.config.yml'] as const;

export type ConfigFormat = 'ts' | 'mjs' | 'json' | 'yaml';

export interface RawConfig {
  /** Absolute path. */
  file: string;
  /** How diagnostics name it (relative to the working directory when inside it). */
  display: string;
  format: ConfigFormat;
  /** The file's text (part of the incremental cache key). */
  text: string;
  value: unknown;
  /** Positions by JSON Pointer (JSON and YAML only). */
  sourceMap?: SourceMap;
}

export function findConfigFile(cwd: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function configFormat(path: string): ConfigFormat | undefined {
  if (/\.(c|m)?ts$/.test(path)) return 'ts';
  if (/\.(c)?js$|\.mjs$/.test(path)) return 'mjs';
  if (/\.json$/.test(path)) return 'json';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  return undefined;
}

const failure = (file: string, message: string, hint?: string, at = { line: 1, column: 1 }): McpgenError =>
  new McpgenError({ code: 'config/load-failed', severity: 'error', message, hint, location: { file, ...at } });

export async function readConfigFile(path: string): Promise<RawConfig> {
  const file = resolve(path);
  const display = displayPath(file);
  const format = configFormat(file);
  if (!format) throw failure(file, `${file}: a config must end in .ts, .mjs, .js, .json, .yaml or .yml.`);
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new Error('it is a directory');
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new McpgenError({
      code: 'input/unreadable',
      severity: 'error',
      message: `Cannot read config ${file}: ${code === 'ENOENT' ? 'it does not exist' : (err as Error).message}.`,
      location: { file, line: 1, column: 1 },
    });
  }
  if (format === 'json' || format === 'yaml') {
    const parsed = parseYamlOrJson(text, display);
    if (parsed.diagnostics.length) throw new McpgenError(parsed.diagnostics);
    return { file, display, format, text, value: parsed.value ?? {}, sourceMap: parsed.sourceMap };
  }
  const moduleText = format === 'ts' ? await transpile(file, display, text) : undefined;
  return { file, display, format, text, value: await evaluate(file, moduleText) };
}

async function transpile(file: string, display: string, text: string): Promise<string> {
  const { ts } = await import('ts-morph');
  const out = ts.transpileModule(text, {
    fileName: basename(file),
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const diagnostics: Diagnostic[] = errors.map((d) => {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      return {
        code: 'config/load-failed',
        severity: 'error',
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!,
        location: { file: display, line: pos.line + 1, column: pos.character + 1 },
      };
    });
    throw new McpgenError(diagnostics);
  }
  return out.outputText;
}

/**
 * Imports the config module and returns its default export (an object, or a
 * function returning one). A TypeScript config runs from a temporary `.mjs`
 * beside it, removed afterwards; every load uses a fresh URL, so `--watch`
 * sees edits.
 */
async function evaluate(file: string, compiled: string | undefined): Promise<unknown> {
  let url: string;
  let temp: string | undefined;
  if (compiled !== undefined) {
    temp = join(dirname(file), `.${basename(file)}.${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}.mjs`);
    try {
      writeFileSync(temp, compiled);
    } catch (err) {
      throw failure(file, `Cannot compile ${file}: ${(err as Error).message}.`, 'The folder of a TypeScript config must be writable (mcpgen compiles it beside itself); or use mcpgen.config.mjs.');
    }
    url = pathToFileURL(temp).href;
  } else {
    url = `${pathToFileURL(file).href}?mtime=${statSync(file).mtimeMs}`;
  }
  try {
    const mod = (await import(url)) as { default?: unknown };
    let value = mod.default;
    if (typeof value === 'function') value = await (value as () => unknown)();
    if (value === undefined) throw failure(file, `${file} has no default export.`, 'Write `export default defineConfig({ ... })`.');
    return value;
  } catch (err) {
    if (err instanceof McpgenError) throw err;
    throw failure(file, `${file} failed to load: ${(err as Error)?.message ?? String(err)}`.split('\n')[0]!, 'Fix the error in the config module (it is run as JavaScript).');
  } finally {
    if (temp) rmSync(temp, { force: true });
  }
}
