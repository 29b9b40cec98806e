/**
 * The command line: yargs describes commands and options; every handler loads
 * its implementation lazily, so `mcpgen --help` pays only for yargs.
 *
 * Exit codes: 0 ok, 1 findings (lint errors, stale output), 2 usage or input
 * error, 70 internal error.
 */
import yargs, { type Argv } from 'yargs';
import { packageVersion } from '../package-root.js';
import { processIo, type CliIo } from './io.js';
import { addCommand } from './commands/add-command.js';
import { checkCommand } from './commands/check-command.js';
import { diffCommand } from './commands/diff-command.js';
import { generateCommand } from './commands/generate-command.js';
import { initCommand } from './commands/init-command.js';
import { importCommand } from './commands/import-command.js';
import { lintCommand } from './commands/lint-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { protocolCommand } from './commands/protocol-command.js';
import { specCommand } from './commands/spec-command.js';
import type { CommandState } from './commands/command-state.js';

class UsageError extends Error {}

/** Help is wrapped at a fixed width so that the build-time help cache is deterministic. */
export const HELP_WIDTH = 100;

/** The yargs description of the whole CLI; also used at build time to render the help cache. */
export function buildCli(argv: string[], state: CommandState): Argv {
  const version = packageVersion();
  return yargs(argv)
    .scriptName('mcpgen')
    .usage(
      [
        'mcpgen: code generation for the Model Context Protocol.',
        '',
        'Checks MCP server manifests against the official specification of a protocol',
        'revision and generates TypeScript protocol types, validators, reference docs, typed servers',
        'and clients, and server docs.',
        '',
        'Usage: mcpgen <command> [options]',
      ].join('\n'),
    )
    .command(initCommand(state))
    .command(addCommand(state))
    .command(generateCommand(state))
    .command(lintCommand(state))
    .command(specCommand(state))
    .command(protocolCommand(state))
    .command(diffCommand(state))
    .command(migrateCommand(state))
    .command(checkCommand(state))
    .command(importCommand(state))
    .demandCommand(1, 'Name a command: init, add, generate, lint, check, spec, protocol, diff, migrate or import.')
    .recommendCommands()
    .strict()
    .version(version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(HELP_WIDTH)
    .epilogue(
      [
        'Exit codes: 0 ok, 1 findings (lint errors, stale output), 2 usage or input error.',
        'Docs: run any command with --help. The spec is read from --spec-dir, MCPGEN_SPEC_DIR,',
        'specDir in the config (mcpgen.config.ts, .mjs, .json or .yaml), or the user cache (filled by',
        '`mcpgen spec pull`, or on first use unless --offline).',
      ].join('\n'),
    )
    .exitProcess(false)
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      throw new UsageError(message ?? error?.message ?? 'invalid command line');
    });
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const state: CommandState = { io, exitCode: 0 };
  const cli = buildCli(argv, state);
  try {
    await cli.parseAsync();
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`mcpgen: ${err.message}\nRun \`mcpgen --help\` (or \`mcpgen <command> --help\`) for usage.\n`);
      return 2;
    }
    const { reportFailure } = await import('./report.js');
    return reportFailure(io, err, 'text');
  }
  return state.exitCode;
}
