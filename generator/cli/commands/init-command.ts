/** `mcpgen init [dir]`: options and help; the work is in init-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';

export interface InitArgs {
  dir?: string;
  name?: string;
  description?: string;
  transport?: string;
  auth?: string;
  revision?: string;
  with?: string[];
  'package-manager'?: string;
  ci?: boolean;
  docker?: boolean;
  yes?: boolean;
  force?: boolean;
  'dry-run'?: boolean;
  'spec-dir'?: string;
  'allow-unpinned'?: boolean;
}

export function initCommand(state: CommandState): CommandModule<object, InitArgs> {
  return {
    command: 'init [dir]',
    describe: 'Create a new MCP server project: manifest, handlers, tests, client set-up',
    builder: (y) =>
      y
        .positional('dir', { type: 'string', describe: 'Project folder, created when missing (default: the current folder)' })
        .option('name', { type: 'string', describe: 'Server name (default: the folder name); also names the npm package' })
        .option('description', { type: 'string', describe: 'One-line description of the server' })
        .option('transport', { type: 'string', choices: ['stdio', 'http', 'both'], describe: 'How clients reach the server (default: stdio)' })
        .option('auth', { type: 'string', choices: ['none', 'bearer', 'oauth'], describe: 'HTTP auth: none, a shared bearer token, or OAuth tokens checked by introspection (default: none)' })
        .option('revision', { alias: 'r', type: 'string', describe: 'MCP revision (default: 2025-11-25)' })
        .option('with', {
          type: 'string',
          array: true,
          describe: 'Also generate these, comma-separated: client, docs (only those this mcpgen can generate)',
        })
        .option('package-manager', { type: 'string', choices: ['npm', 'pnpm', 'yarn'], describe: 'Used in the README and CI workflow (default: npm)' })
        .option('ci', { type: 'boolean', describe: 'Write a GitHub Actions workflow (default: yes; --no-ci to skip)' })
        .option('docker', { type: 'boolean', describe: 'Write a Dockerfile (default: no)' })
        .option('yes', { alias: 'y', type: 'boolean', describe: 'Ask nothing: take defaults for what the flags do not give' })
        .option('force', { type: 'boolean', describe: 'Write into a non-empty folder, replacing files after listing them' })
        .option('dry-run', { type: 'boolean', describe: 'Write nothing; list the files init would write and replace' })
        .option('spec-dir', { type: 'string', describe: 'Folder holding <revision>/schema.json (see mcpgen generate --help)' })
        .option('allow-unpinned', { type: 'boolean', describe: 'Use a schema file whose sha256 does not match its pin' })
        .example('mcpgen init my-server', 'Ask the questions in a terminal, then create ./my-server')
        .example('mcpgen init my-server --yes --transport both --auth bearer', 'No questions: stdio and HTTP, bearer tokens')
        .epilogue('Asks questions only when stdin is a terminal and --yes is not given. The same answers always give the same files.') as never,
    handler: async (args) => {
      const { runInit } = await import('./init-run.js');
      state.exitCode = await runInit(args, state.io);
    },
  };
}
