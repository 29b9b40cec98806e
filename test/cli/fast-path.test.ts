/**
 * `mcpgen lint` command lines parsed without yargs must give the lint
 * handler exactly what yargs gives it; every other line must be left to
 * yargs. The lint implementation is replaced by a recorder here, so only the
 * parsing is compared (the real runs are in cli-lint.test.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateArgs } from '../../generator/cli/commands/generate-command.js';
import type { LintArgs } from '../../generator/cli/commands/lint-command.js';

const seen: { args?: LintArgs } = {};
vi.mock('../../generator/cli/commands/lint-run.js', () => ({
  runLint: async (args: LintArgs) => {
    seen.args = args;
    return 0;
  },
}));

const seenGenerate: { args?: GenerateArgs } = {};
vi.mock('../../generator/cli/commands/generate-run.js', () => ({
  runGenerate: async (args: GenerateArgs) => {
    seenGenerate.args = args;
    return 0;
  },
}));

const { runCli } = await import('../../generator/cli/run-cli.js');
const { fastGenerateArgs, fastLintArgs, runWithoutYargs } = await import('../../generator/cli/fast-path.js');

const KEYS = ['files', 'revision', 'format', 'profile', 'max-warnings', 'explain', 'offline', 'spec-dir', 'allow-unpinned', 'config', 'max-input-size'] as const;
const silent = { out: () => {}, err: () => {}, interactive: false };

/** What yargs hands the lint handler for argv (the keys runLint reads). */
async function viaYargs(argv: string[]): Promise<Record<string, unknown>> {
  seen.args = undefined;
  expect(await runCli(argv, silent)).toBe(0);
  const a = seen.args as unknown as Record<string, unknown>;
  return Object.fromEntries(KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
}

beforeEach(() => {
  seen.args = undefined;
});

describe('lint without yargs', () => {
  const accepted: string[][] = [
    ['lint'],
    ['lint', 'mcp.yaml'],
    ['lint', './mcp.json', 'more/tools.yaml', '../x.yml'],
    ['lint', 'mcp.yaml', '-r', '2025-06-18'],
    ['lint', 'mcp.yaml', '--revision', 'latest', '--format', 'json'],
    ['lint', 'mcp.yaml', '--revision=2025-11-25', '--format=sarif', '--profile', 'strict'],
    ['lint', '--offline', 'mcp.yaml', '--allow-unpinned', '--spec-dir', '/tmp/spec'],
    ['lint', 'mcp.yaml', '--max-warnings', '0', '--max-input-size', '1.5'],
    ['lint', '--config', 'mcpgen.config.json', '--max-warnings=12'],
    ['lint', '--explain', 'tool-schema/invalid', '--format', 'md'],
    ['lint', '--explain', 'all'],
    ['lint', 'a file with spaces.yaml', 'mcp.yaml'],
  ];
  for (const argv of accepted) {
    it(`parses ${JSON.stringify(argv)} as yargs does`, async () => {
      const fast = fastLintArgs(argv);
      expect(fast).toBeDefined();
      expect(fast).toEqual(await viaYargs(argv));
    });
  }

  it('runs the lint handler for accepted lines', async () => {
    expect(await runWithoutYargs(['lint', 'mcp.yaml'], silent)).toBe(0);
    expect(seen.args?.files).toEqual(['mcp.yaml']);
  });

  it('leaves every other line to yargs', async () => {
    const rejected: string[][] = [
      ['generate', '--watch'],
      ['lint', 'mcp.yaml', '--help'],
      ['lint', '-h'],
      ['lint', 'mcp.yaml', '--format', 'xml'],
      ['lint', 'mcp.yaml', '--bogus'],
      ['lint', 'mcp.yaml', '--no-offline'],
      ['lint', 'mcp.yaml', '--offline=false'],
      ['lint', 'mcp.yaml', '--offline', 'true'],
      ['lint', 'mcp.yaml', '-r', '2025-06-18', '-r', '2025-11-25'],
      ['lint', 'mcp.yaml', '--revision'],
      ['lint', 'mcp.yaml', '--config', ''],
      ['lint', 'mcp.yaml', '--spec-dir', '--offline'],
      ['lint', 'mcp.yaml', '--max-warnings', 'many'],
      ['lint', 'mcp.yaml', '--max-warnings', '-1'],
      ['lint', 'mcp.yaml', '--max-warnings', '1e3'],
      ['lint', 'mcp.yaml', '--maxWarnings', '1'],
      ['lint', '--', 'mcp.yaml'],
      ['lint', '0123'],
      ['lint', '.5'],
      ['lint', 'true'],
      ['lint', 'a=b'],
      ['lint', ''],
      ['lint', '-rX'],
    ];
    for (const argv of rejected) {
      expect(fastLintArgs(argv), JSON.stringify(argv)).toBeUndefined();
      expect(await runWithoutYargs(argv, silent), JSON.stringify(argv)).toBeUndefined();
    }
    expect(seen.args).toBeUndefined();
  });
});

describe('generate without yargs', () => {
  const GENERATE_KEYS = [
    'config', 'spec-dir', 'allow-unpinned', 'offline', 'force', 'format', 'target', 'max-input-size', 'watch', 'check', 'dry-run', 'diff',
    'manifest', 'emit', 'out', 'revision', 'typecheck', 'follow-out-link',
  ] as const;
  const viaYargsGenerate = async (argv: string[]): Promise<Record<string, unknown>> => {
    seenGenerate.args = undefined;
    expect(await runCli(argv, silent)).toBe(0);
    const a = seenGenerate.args as unknown as Record<string, unknown>;
    return Object.fromEntries(GENERATE_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
  };
  const accepted: string[][] = [
    ['generate'],
    ['generate', '--config', 'mcpgen.config.json'],
    ['generate', '--format', 'json'],
    ['generate', '--offline', '--force'],
    ['generate', '-t', 'server'],
    ['generate', '--target=web/server', '--spec-dir', '/tmp/spec', '--allow-unpinned'],
    ['generate', '--max-input-size', '2', '--format=text'],
    ['generate', '-m', 'mcp.yaml'],
    ['generate', '--out', 'gen'],
    ['generate', '-m', 'mcp.yaml', '-r', '2025-11-25', '--emit', 'manifest,server', '-o', 'generated'],
    ['generate', '--manifest', './dir/mcp.json', '--revision=latest', '--emit', 'server , client,,docs', '--out', '/tmp/x y', '--max-input-size', '256'],
    ['generate', '-m', 'mcp.yaml', '-e', 'server', '-o', 'my-server', '--typecheck', '--follow-out-link'],
    ['generate', '--emit=client', '-o=out'],
  ];
  for (const argv of accepted) {
    it(`parses ${JSON.stringify(argv)} as yargs does`, async () => {
      const fast = fastGenerateArgs(argv);
      expect(fast).toBeDefined();
      expect(fast).toEqual(await viaYargsGenerate(argv));
    });
  }

  it('runs the generate handler for accepted lines, and leaves every other line to yargs', async () => {
    seenGenerate.args = undefined;
    expect(await runWithoutYargs(['generate', '--force'], silent)).toBe(0);
    expect((seenGenerate as { args?: GenerateArgs }).args?.force).toBe(true);
    seenGenerate.args = undefined;
    const rejected: string[][] = [
      ['generate', '--watch'],
      ['generate', '--check'],
      ['generate', '--dry-run'],
      ['generate', 'extra'],
      ['generate', '-m', 'a.yaml', 'b.yaml'],
      ['generate', '-m', 'a.yaml', '-m', 'b.yaml'],
      ['generate', '--emit', '1,2'],
      ['generate', '--out'],
      ['generate', '-o', '-x'],
      ['generate', '--typecheck', 'false'],
      ['generate', '-t', 'a', '-t', 'b'],
      ['generate', '--target', '1'],
      ['generate', '--format', 'sarif'],
      ['generate', '--force', 'true'],
      ['generate', '--no-force'],
      ['generate', '--help'],
      ['generate', '--config'],
    ];
    for (const argv of rejected) {
      expect(fastGenerateArgs(argv), JSON.stringify(argv)).toBeUndefined();
      expect(await runWithoutYargs(argv, silent), JSON.stringify(argv)).toBeUndefined();
    }
    expect(seenGenerate.args).toBeUndefined();
  });
});
