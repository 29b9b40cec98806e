/** `mcpgen diff FROM TO`: options and help; the work is in diff-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withSpecOptions, type SpecArgs } from './common-options.js';

export interface DiffArgs extends SpecArgs {
  from: string;
  to: string;
  format: 'md' | 'json';
}

export function diffCommand(state: CommandState): CommandModule<object, DiffArgs> {
  return {
    command: 'diff <from> <to>',
    describe: "Compare two revisions' schemas: definitions and properties added, removed or changed",
    builder: (y) =>
      withSpecOptions(y)
        .positional('from', { type: 'string', describe: 'Older revision', demandOption: true })
        .positional('to', { type: 'string', describe: 'Newer revision', demandOption: true })
        .option('format', { type: 'string', choices: ['md', 'json'], default: 'md', describe: 'md for people, json (stable shape, version 1) for tools' })
        .example('mcpgen diff 2025-06-18 2025-11-25', 'What changed in 2025-11-25')
        .example('mcpgen diff 2025-11-25 2026-07-28 --format json', 'The same, machine-readable') as never,
    handler: async (args) => {
      const { runDiff } = await import('./diff-run.js');
      state.exitCode = await runDiff(args, state.io);
    },
  };
}
