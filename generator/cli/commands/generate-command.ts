/** `mcpgen generate`: options and help; the work is in generate-run.ts. */
import type { CommandModule } from 'yargs';
import { describeEmitters } from '../../emit/registry.js';
import type { CommandState } from './command-state.js';
import { formatOption, withInputOptions, withSpecOptions, type InputArgs, type SpecArgs } from './common-options.js';

export interface GenerateArgs extends SpecArgs, InputArgs {
  manifest?: string[];
  revision?: string;
  emit?: string[];
  out?: string;
  check?: boolean;
  diff?: boolean;
  'dry-run'?: boolean;
  'follow-out-link'?: boolean;
  typecheck?: boolean;
  format: 'text' | 'json';
  target?: string[];
  force?: boolean;
  watch?: boolean;
  offline?: boolean;
}

export function generateCommand(state: CommandState): CommandModule<object, GenerateArgs> {
  return {
    command: 'generate',
    describe: 'Generate code from manifests: every target of the config, or one folder with --out',
    builder: (y) =>
      withInputOptions(withSpecOptions(y))
        .option('manifest', {
          alias: 'm',
          type: 'string',
          array: true,
          describe: 'Manifest file (YAML or JSON); repeat to merge several. Overrides the config for this run',
        })
        .option('revision', { alias: 'r', type: 'string', describe: "Target MCP revision, or `latest` (the newest released one). Default: the config's, else the manifest's `revision`, else 2025-11-25" })
        .option('emit', {
          alias: 'e',
          type: 'string',
          array: true,
          coerce: (v: string[]) => v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
          describe: `Emitters, comma-separated (default: the config target's, else manifest). Known: ${describeEmitters()
            .map((e) => e.name)
            .join(', ')}`,
        })
        .option('out', { alias: 'o', type: 'string', describe: 'Generate only into this folder (a config target for it lends its settings)' })
        .option('target', { alias: 't', type: 'string', array: true, describe: 'Run only these config targets (their keys); repeatable' })
        .option('watch', { alias: 'w', type: 'boolean', describe: 'Regenerate affected targets whenever a manifest, a $ref\'ed file or the config changes' })
        .option('offline', { type: 'boolean', describe: 'Never download a missing spec revision (default: fetch a pinned one into the cache on first use)' })
        .option('force', { type: 'boolean', describe: 'Ignore the incremental cache: emit and compare every file' })
        .option('check', { type: 'boolean', describe: 'Write nothing; exit 1 and list stale, missing and orphaned files' })
        .option('diff', { type: 'boolean', describe: 'With --check: show a unified diff of each stale file' })
        .option('dry-run', { type: 'boolean', describe: 'Write nothing; list what would change' })
        .option('follow-out-link', { type: 'boolean', describe: 'Write through an --out folder that is a symbolic link (refused otherwise)' })
        .option('typecheck', {
          type: 'boolean',
          describe: 'After writing a server package, typecheck it with your handlers (needs npm install there); exit 1 on errors',
        })
        .option('format', formatOption)
        .conflicts('check', 'dry-run')
        .conflicts('watch', ['check', 'dry-run'])
        .example('mcpgen generate', 'Run every target of mcpgen.config.ts (.mjs, .json, .yaml)')
        .example('mcpgen generate --watch', 'Regenerate on every save')
        .example('mcpgen generate -m mcp.yaml -r 2025-11-25 --emit manifest,server -o generated', 'Generate into ./generated without a config')
        .example('mcpgen generate -m mcp.yaml -o generated --check', 'In CI: fail when generated code is stale')
        .example('mcpgen generate -m mcp.yaml -e server -o my-server --typecheck', 'Regenerate, then report handlers that no longer compile') as never,
    handler: async (args) => {
      const { runGenerate } = await import('./generate-run.js');
      state.exitCode = await runGenerate(args, state.io);
    },
  };
}
