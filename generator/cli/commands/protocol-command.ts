/** `mcpgen protocol`: options and help; the work is in protocol-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { formatOption, withSpecOptions, type SpecArgs } from './common-options.js';

export interface ProtocolArgs extends SpecArgs {
  revision?: string;
  out?: string;
  emit?: string[];
  check?: boolean;
  'dry-run'?: boolean;
  format: 'text' | 'json';
}

export function protocolCommand(state: CommandState): CommandModule<object, ProtocolArgs> {
  return {
    command: 'protocol',
    describe: "Generate types, validators and reference docs from one revision's official schema",
    builder: (y) =>
      withSpecOptions(y)
        .option('revision', { alias: 'r', type: 'string', describe: 'MCP revision (default: 2025-11-25)' })
        .option('out', { alias: 'o', type: 'string', describe: 'Output folder', demandOption: true })
        .option('emit', {
          alias: 'e',
          type: 'string',
          array: true,
          coerce: (v: string[]) => v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
          describe: 'What to generate, comma-separated (default: all). Known: types, validators, docs',
        })
        .option('check', { type: 'boolean', describe: 'Write nothing; exit 1 and list stale, missing and orphaned files' })
        .option('dry-run', { type: 'boolean', describe: 'Write nothing; list what would change' })
        .option('format', formatOption)
        .conflicts('check', 'dry-run')
        .example('mcpgen protocol -r 2025-11-25 -o src/mcp', 'types.ts, validators.js (+ .d.ts) and reference.md + reference.html')
        .example('mcpgen protocol -r 2025-11-25 -o src/mcp --emit types,validators --check', 'In CI: fail when they are stale') as never,
    handler: async (args) => {
      const { runProtocol } = await import('./protocol-run.js');
      state.exitCode = await runProtocol(args, state.io);
    },
  };
}
