/** `mcpgen spec list|pull|verify`: where revision schemas come from. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { formatOption, withSpecOptions, type SpecArgs } from './common-options.js';

export interface SpecCommandArgs extends SpecArgs {
  format: 'text' | 'json';
  revisions?: string[];
  'base-url'?: string;
  timeout?: number;
}

export function specCommand(state: CommandState): CommandModule<object, SpecCommandArgs> {
  const run = (action: 'list' | 'pull' | 'verify') => async (argv: unknown) => {
    const args = argv as SpecCommandArgs;
    const { runSpec } = await import('./spec-run.js');
    state.exitCode = await runSpec(action, args, state.io);
  };
  return {
    command: 'spec',
    describe: 'List, download and verify the official MCP schema files',
    builder: (y) =>
      withSpecOptions(y)
        .option('format', formatOption)
        .command({ command: 'list', describe: 'Show every revision, where its schema was found, and whether it matches its pin', handler: run('list') })
        .command({
          command: 'pull [revisions..]',
          describe: 'Download schemas into the user cache, checking each against its pin (default: all revisions)',
          builder: (p) =>
            p
              .positional('revisions', { type: 'string', array: true, describe: 'Revisions to download' })
              .option('base-url', { type: 'string', describe: 'Where <revision>/schema.json files are served (or MCPGEN_SPEC_BASE_URL)' })
              .option('timeout', { type: 'number', default: 30, describe: 'Seconds allowed per download before it is given up' }),
          handler: run('pull'),
        })
        .command({ command: 'verify', describe: 'Check every schema file found against its pin (exit 2 on a mismatch)', handler: run('verify') })
        .demandCommand(1, 'Name a spec command: list, pull or verify.') as never,
    handler: () => undefined,
  };
}
