/** `mcpgen diff FROM TO`: options and help; the work is in diff-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withSpecOptions, type SpecArgs } from './common-options.js';

export interface DiffArgs extends SpecArgs {
  from: string;
  to: string;
  /** md for revisions and text for manifests when not given. */
  format?: 'text' | 'md' | 'json';
  'fail-on'?: 'breaking' | 'compatible' | 'patch';
  /** With two revisions: keep only what this manifest uses. */
  manifest?: string;
  /** With a live server (URL): HTTP headers K=V. */
  header?: string[];
}

export function diffCommand(state: CommandState): CommandModule<object, DiffArgs> {
  return {
    command: 'diff <from> <to>',
    describe: "Compare two revisions' schemas, or two versions of a manifest (breaking changes for clients)",
    builder: (y) =>
      withSpecOptions(y)
        .positional('from', { type: 'string', describe: 'Older revision, or the old manifest file', demandOption: true })
        .positional('to', { type: 'string', describe: 'Newer revision, or the new manifest file, or a running server (http(s) URL, or "stdio:COMMAND ARGS")', demandOption: true })
        .option('format', {
          type: 'string',
          choices: ['text', 'md', 'json'],
          describe: 'text or md for people, json (stable shape, version 1) for tools. Default: md for revisions, text for manifests',
        })
        .option('header', { type: 'string', array: true, describe: 'With a server URL as FROM or TO: an HTTP header K=V sent to it (repeatable)' })
        .option('fail-on', {
          type: 'string',
          choices: ['breaking', 'compatible', 'patch'],
          describe: 'Manifests: exit 1 when a change of this level or a stricter one is found (CI gate)',
        })
        .option('manifest', {
          alias: 'm',
          type: 'string',
          describe: 'Revisions: keep only the changes that concern what this manifest declares',
        })
        .example('mcpgen diff 2025-06-18 2025-11-25', 'What changed in 2025-11-25')
        .example('mcpgen diff 2025-11-25 2026-07-28 --manifest mcp.yaml', 'What of that concerns this manifest')
        .example('mcpgen diff 2025-11-25 2026-07-28 --format json', 'The same, machine-readable')
        .example('mcpgen diff old/mcp.yaml mcp.yaml --fail-on breaking', 'CI: exit 1 when a manifest edit breaks clients')
        .example('mcpgen diff mcp.yaml "stdio:node dist/server.js --stdio"', 'Drift: the manifest against what the running server lists')
        .epilogue(
          'Two manifests give a breaking-change report with a semver recommendation: removed items, new required\n' +
            'arguments, narrowed types or enums, removed output fields, changed URI templates and new required\n' +
            'scopes break clients; additions and widenings do not. A tool that declares `renamedFrom` is matched\n' +
            'with its old name. Exit codes: 0 reported, 1 a change at --fail-on level, 2 usage or input error.',
        ) as never,
    handler: async (args) => {
      const { runDiff } = await import('./diff-run.js');
      state.exitCode = await runDiff(args, state.io);
    },
  };
}
