/** `mcpgen add KIND NAME`: options and help; the work is in add-run.ts. */
import type { CommandModule } from 'yargs';
import type { CommandState } from './command-state.js';
import { withSpecOptions, type SpecArgs } from './common-options.js';

export interface AddArgs extends SpecArgs {
  kind: string;
  name: string;
  manifest?: string;
  title?: string;
  description?: string;
  arg?: string[];
  uri?: string;
  'uri-template'?: string;
  generate?: boolean;
  out?: string;
  emit?: string[];
}

export function addCommand(state: CommandState): CommandModule<object, AddArgs> {
  return {
    command: 'add <kind> <name>',
    describe: 'Add a tool, resource, template or prompt to the manifest, then regenerate',
    builder: (y) =>
      withSpecOptions(y)
        .positional('kind', { type: 'string', choices: ['tool', 'resource', 'template', 'prompt'], describe: 'What to add' })
        .positional('name', { type: 'string', describe: 'Its name (checked against the naming rules)' })
        .option('manifest', { alias: 'm', type: 'string', describe: "Manifest to edit (default: the config's first manifest, else mcp.yaml)" })
        .option('title', { type: 'string', describe: 'Human-readable title' })
        .option('description', { alias: 'd', type: 'string', describe: 'What it does (models read this)' })
        .option('arg', {
          alias: 'a',
          type: 'string',
          array: true,
          describe: 'Argument NAME[:TYPE][!] (! = required; TYPE: string, number, integer, boolean, object, array); repeat it',
        })
        .option('uri', { type: 'string', describe: 'Resource URI (default: <scheme>://<name>, the scheme the manifest already uses)' })
        .option('uri-template', { type: 'string', describe: 'Template URI (default: <scheme>://<name>/{arg}/... from --arg)' })
        .option('generate', { type: 'boolean', default: true, describe: 'Regenerate afterwards so the handler stub appears (--no-generate to skip)' })
        .option('out', { alias: 'o', type: 'string', describe: 'Output folder to regenerate (default: from mcpgen.config.json)' })
        .option('emit', {
          alias: 'e',
          type: 'string',
          array: true,
          coerce: (v: string[]) => v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
          describe: 'What to regenerate (default: from mcpgen.config.json)',
        })
        .example('mcpgen add tool get_weather -d "Current weather" --arg city:string! --arg days:integer', 'A tool with a required and an optional argument')
        .example('mcpgen add template note --arg id', 'A resource template <scheme>://note/{id}')
        .epilogue('The manifest is edited in place: comments, order and formatting stay as they are. If regenerating fails, the manifest is restored.') as never,
    handler: async (args) => {
      const { runAdd } = await import('./add-run.js');
      state.exitCode = await runAdd(args, state.io);
    },
  };
}
