/** `mcpgen migrate MANIFEST --to R`: options and help; the work is in migrate-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';

export interface MigrateArgs {
  manifest: string;
  to: string;
  from?: string;
  write?: boolean;
  format: 'text' | 'json';
  /** A generated server package whose user files get the codemods. */
  package?: string;
  config?: string;
}

export function migrateCommand(state: CommandState): CommandModule<object, MigrateArgs> {
  return {
    command: 'migrate <manifest>',
    describe: "Move a manifest to another revision: what changes, item by item; --write edits it in place",
    builder: (y) =>
      y
        .positional('manifest', { type: 'string', describe: 'The manifest file (YAML or JSON)', demandOption: true })
        .option('to', { type: 'string', demandOption: true, describe: 'The revision to migrate to (older revisions: a downgrade)' })
        .option('from', { type: 'string', describe: "The revision the manifest is written for (default: its `revision`, else 2025-11-25)" })
        .option('write', {
          type: 'boolean',
          describe: 'Edit the manifest in place (comments, anchors, $refs and layout kept) and bump `revision`',
        })
        .option('package', {
          type: 'string',
          describe: 'A server package generated from this manifest: with --write, renames handlers of tools declaring renamedFrom',
        })
        .option('format', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'text for people, json (stable shape, version 1) for tools' })
        .option('config', { type: 'string', describe: 'Config file (default: ./mcpgen.config.json when present)' })
        .example('mcpgen migrate mcp.yaml --to 2026-07-28', 'What moving to 2026-07-28 changes, with locations (writes nothing)')
        .example('mcpgen migrate mcp.yaml --to 2026-07-28 --write', 'Apply it: edit mcp.yaml and list what needs a decision')
        .example('mcpgen migrate mcp.yaml --to 2025-06-18 --write', 'Downgrade: drops what 2025-06-18 lacks, warning per field')
        .epilogue(
          'Exit codes: 0 done (or nothing to do), 1 a change needs a human decision (listed), 2 usage or input error.\n' +
            'Without --write nothing is written.',
        ) as never,
    handler: async (args) => {
      const { runMigrate } = await import('./migrate-run.js');
      state.exitCode = await runMigrate(args, state.io);
    },
  };
}
