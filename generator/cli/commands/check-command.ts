/** `mcpgen check`: options and help; the work is in check-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withSpecOptions, type SpecArgs } from './common-options.js';

export interface CheckArgs extends SpecArgs {
  manifest?: string[];
  revision?: string;
  out?: string;
  format: 'text' | 'json' | 'sarif';
}

export function checkCommand(state: CommandState): CommandModule<object, CheckArgs> {
  return {
    command: 'check',
    describe: "Typecheck a generated server package with your handlers; errors point at your code and the manifest item",
    builder: (y) =>
      withSpecOptions(y)
        .option('manifest', { alias: 'm', type: 'string', array: true, describe: 'Manifest file(s) the package was generated from' })
        .option('revision', { alias: 'r', type: 'string', describe: "Target MCP revision (default: the manifest's `revision`, else 2025-11-25)" })
        .option('out', { alias: 'o', type: 'string', describe: 'The generated package folder (holds tsconfig.json; run npm install there first)' })
        .option('format', { type: 'string', choices: ['text', 'json', 'sarif'], default: 'text', describe: 'text for people, json or sarif (2.1.0) for machines' })
        .example('mcpgen check -m mcp.yaml -o my-server', 'Does my code still compile after a manifest change?')
        .epilogue('Exit codes: 0 compiles, 1 type errors (each at your file:line:col, naming the manifest item), 2 usage or input error\n(including a package whose dependencies are not installed).') as never,
    handler: async (args) => {
      const { runCheck } = await import('./check-run.js');
      state.exitCode = await runCheck(args, state.io);
    },
  };
}
