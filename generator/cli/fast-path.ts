/**
 * `mcpgen lint` and `mcpgen generate` without yargs, for the command lines
 * people and build steps type most: lint's files and a few options with
 * plain values; generate with the config, or with a manifest, revision,
 * emitters and output folder (a no-op regeneration then costs little more
 * than starting Node, and a one-shot generate does not render yargs' help
 * text, which yargs does for every command it runs: about 60 ms).
 *
 * Why: loading yargs (and its string-width/cliui dependencies) costs more
 * than starting Node, and lint is meant to cost a few Node start-ups. yargs
 * stays the single source of truth: anything this parser does not recognise
 * exactly (another command, an unknown or repeated option, `--no-x`, `--`, a
 * value that yargs might read differently, help) returns undefined and goes
 * to yargs, and a test checks that every line accepted here yields the
 * arguments yargs gives the lint handler.
 */
import type { CliIo } from './io.js';
import type { GenerateArgs } from './commands/generate-command.js';
import type { LintArgs } from './commands/lint-command.js';

/**
 * `array`: a string option yargs collects into an array (accepted once here).
 * `list`: the same, with generate's --emit coercion (comma-separated, trimmed, empty items dropped).
 */
type Kind = 'string' | 'boolean' | 'number' | 'array' | 'list' | readonly string[];

/** Options both commands take the same way (common-options.ts, and --revision/-r and --offline of each). */
const SHARED_OPTIONS: Record<string, { key: keyof LintArgs & keyof GenerateArgs; kind: Kind }> = {
  '--revision': { key: 'revision', kind: 'string' },
  '-r': { key: 'revision', kind: 'string' },
  '--offline': { key: 'offline', kind: 'boolean' },
  '--spec-dir': { key: 'spec-dir', kind: 'string' },
  '--allow-unpinned': { key: 'allow-unpinned', kind: 'boolean' },
  '--config': { key: 'config', kind: 'string' },
  '--max-input-size': { key: 'max-input-size', kind: 'number' },
};

/** lint's options (lint-command.ts and common-options.ts) that take the fast path, by spelling. */
const LINT_OPTIONS: Record<string, { key: keyof LintArgs; kind: Kind }> = {
  ...SHARED_OPTIONS,
  '--format': { key: 'format', kind: ['text', 'json', 'sarif', 'md'] },
  '--profile': { key: 'profile', kind: ['spec', 'strict'] },
  '--max-warnings': { key: 'max-warnings', kind: 'number' },
  '--explain': { key: 'explain', kind: 'string' },
};

/** generate's options (generate-command.ts and common-options.ts) that take the fast path. */
const GENERATE_OPTIONS: Record<string, { key: keyof GenerateArgs; kind: Kind }> = {
  ...SHARED_OPTIONS,
  '--force': { key: 'force', kind: 'boolean' },
  '--format': { key: 'format', kind: ['text', 'json'] },
  '--target': { key: 'target', kind: 'array' },
  '-t': { key: 'target', kind: 'array' },
  '--manifest': { key: 'manifest', kind: 'array' },
  '-m': { key: 'manifest', kind: 'array' },
  '--emit': { key: 'emit', kind: 'list' },
  '-e': { key: 'emit', kind: 'list' },
  '--out': { key: 'out', kind: 'string' },
  '-o': { key: 'out', kind: 'string' },
  '--typecheck': { key: 'typecheck', kind: 'boolean' },
  '--follow-out-link': { key: 'follow-out-link', kind: 'boolean' },
};

/** A positional yargs keeps as the same string: not an option, nothing number- or boolean-like, no `=`. */
function plainPositional(token: string): boolean {
  return token !== '' && !/^[\d+\s]|^\.\d|=/.test(token) && token !== 'true' && token !== 'false';
}
/** A value of a string option: yargs keeps it verbatim unless it looks like an option. */
function plainValue(value: string): boolean {
  return value !== '' && !value.startsWith('-');
}
/** Numbers yargs converts with Number() unchanged. */
const NUMBER = /^(0|[1-9]\d{0,14})(\.\d{1,15})?$/;

/** lint's arguments as yargs would give them to the handler, or undefined when yargs must parse. */
export function fastLintArgs(argv: readonly string[]): LintArgs | undefined {
  if (argv[0] !== 'lint') return undefined;
  return parseFast(argv, LINT_OPTIONS, { format: 'text', profile: 'spec' }, 'files') as LintArgs | undefined;
}

/** generate's arguments as yargs would give them to the handler, or undefined when yargs must parse. */
export function fastGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  if (argv[0] !== 'generate') return undefined;
  return parseFast(argv, GENERATE_OPTIONS, { format: 'text' }) as GenerateArgs | undefined;
}

/** The options after the command word; `positionals`: the key that collects them (none: refused). */
function parseFast(
  argv: readonly string[],
  table: Record<string, { key: string; kind: Kind }>,
  defaults: Record<string, unknown>,
  positionals?: string,
): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = { ...defaults };
  const seen = new Set<string>();
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) {
      if (positionals === undefined || !plainPositional(token)) return undefined;
      files.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const option = table[name];
    if (!option || seen.has(option.key)) return undefined;
    seen.add(option.key);
    if (option.kind === 'boolean') {
      if (eq >= 0) return undefined;
      const next = argv[i + 1];
      if (next === 'true' || next === 'false') return undefined; // yargs would take it as the value
      args[option.key] = true;
      continue;
    }
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined) return undefined;
    if (option.kind === 'number') {
      if (!NUMBER.test(value)) return undefined;
      args[option.key] = Number(value);
    } else {
      if (!plainValue(value)) return undefined;
      if (option.kind === 'array' || option.kind === 'list') {
        if (!plainPositional(value)) return undefined; // yargs may turn array items into numbers
        args[option.key] = option.kind === 'list' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [value];
        continue;
      }
      if (option.kind !== 'string' && !option.kind.includes(value)) return undefined;
      args[option.key] = value;
    }
  }
  if (positionals !== undefined) args[positionals] = files;
  return args;
}

/** Runs lint or generate when the fast parsers accept argv (the exit code, as runCli would return it); otherwise undefined. */
export async function runWithoutYargs(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  const generateArgs = fastGenerateArgs(argv);
  const args = generateArgs ? undefined : fastLintArgs(argv);
  if (!generateArgs && !args) return undefined;
  try {
    if (generateArgs) {
      const { runGenerate } = await import('./commands/generate-run.js');
      return await runGenerate(generateArgs, io);
    }
    const { runLint } = await import('./commands/lint-run.js');
    return await runLint(args!, io);
  } catch (err) {
    const { reportFailure } = await import('./report.js');
    return reportFailure(io, err, 'text');
  }
}
