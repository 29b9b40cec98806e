/** `mcpgen lint`: options and help; the work is in lint-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withInputOptions, withSpecOptions, type InputArgs, type SpecArgs } from './common-options.js';

export interface LintArgs extends SpecArgs, InputArgs {
  files?: string[];
  revision?: string;
  format: 'text' | 'json' | 'sarif' | 'md';
  profile: 'spec' | 'strict';
  'max-warnings'?: number;
  /** A code, or `all`: print the catalog entry instead of linting. */
  explain?: string;
  offline?: boolean;
}

export function lintCommand(state: CommandState): CommandModule<object, LintArgs> {
  return {
    command: 'lint [files..]',
    describe: 'Check manifests against the target revision (no output written)',
    builder: (y) =>
      withInputOptions(withSpecOptions(y))
        .positional('files', { type: 'string', array: true, describe: "Manifest files (YAML or JSON), merged in order (default: every target's manifests in the config)" })
        .option('revision', { alias: 'r', type: 'string', describe: "Target MCP revision, or `latest` (default: the config's revisions, else the manifest's `revision`, else 2025-11-25)" })
        .option('format', {
          type: 'string',
          choices: ['text', 'json', 'sarif', 'md'],
          default: 'text',
          describe: 'Output format: text for people, json or sarif (2.1.0) for machines; md only with --explain',
        })
        .option('profile', {
          type: 'string',
          choices: ['spec', 'strict'],
          default: 'spec',
          describe: 'spec: the specification text; strict: also what widespread clients accept',
        })
        .option('offline', { type: 'boolean', describe: 'Never download a missing spec revision (default: fetch a pinned one into the cache on first use)' })
        .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
        .option('explain', { type: 'string', describe: 'Print what a code means and how to fix it (`all`: every code)' })
        .example('mcpgen lint', "Check every target's manifests of the config at each of its revisions")
        .example('mcpgen lint mcp.yaml', 'Check a manifest for its declared revision')
        .example('mcpgen lint mcp.yaml -r 2025-06-18 --format json', 'Machine-readable findings for an older revision') as never,
    handler: async (args) => {
      const { runLint } = await import('./lint-run.js');
      state.exitCode = await runLint(args, state.io);
    },
  };
}
