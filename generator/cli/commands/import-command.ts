/** `mcpgen import`: options and help; the work is in import-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withSpecOptions, type SpecArgs } from './common-options.js';

export interface ImportArgs extends SpecArgs {
  stdio?: string;
  url?: string;
  header?: string[];
  out?: string;
  date?: string;
  timeout: number;
}

export function importCommand(state: CommandState): CommandModule<object, ImportArgs> {
  return {
    command: 'import',
    describe: 'Write a manifest from a running MCP server (stdio or Streamable HTTP)',
    builder: (y) =>
      withSpecOptions(y)
        .option('stdio', { type: 'string', describe: 'Command that starts the server on stdio, quoted as one argument (no shell is used)' })
        .option('url', { type: 'string', describe: 'Streamable HTTP endpoint of the server (e.g. http://127.0.0.1:3000/mcp)' })
        .option('header', { type: 'string', array: true, describe: 'HTTP header K=V sent with every request (repeatable; never written to the manifest)' })
        .option('out', { alias: 'o', type: 'string', describe: 'Manifest file to write; an existing one is updated in place, keeping comments' })
        .option('date', { type: 'string', describe: 'Date (YYYY-MM-DD) recorded in the provenance block; left out by default so output is deterministic' })
        .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for the server to connect and answer each list request' })
        .conflicts('stdio', 'url')
        .example('mcpgen import --stdio "npx -y @modelcontextprotocol/server-memory" --out memory.yaml', 'Import a server started over stdio')
        .example('mcpgen import --url http://127.0.0.1:3000/mcp --header "Authorization=Bearer $TOKEN" --out mcp.yaml', 'Import a server over HTTP')
        .epilogue('The manifest is linted after writing and the findings are shown; real servers often break naming rules, which does not stop the import.') as never,
    handler: async (args) => {
      const { runImport } = await import('./import-run.js');
      state.exitCode = await runImport(args, state.io);
    },
  };
}
