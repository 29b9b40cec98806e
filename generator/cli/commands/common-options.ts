/**
 * Options shared by every command that needs a spec, described once.
 */
import type { Argv } from 'yargs';
import type { LoadedConfig } from '../../config/load-config.js';
import type { SpecSourceOptions } from '../../spec/spec-dirs.js';

export interface SpecArgs {
  'spec-dir'?: string;
  'allow-unpinned'?: boolean;
  config?: string;
}

export function withSpecOptions<T>(y: Argv<T>): Argv<T & SpecArgs> {
  return y
    .option('spec-dir', {
      type: 'string',
      describe: 'Folder holding <revision>/schema.json; searched before MCPGEN_SPEC_DIR, the config and the cache',
    })
    .option('allow-unpinned', {
      type: 'boolean',
      describe: 'Use a schema file whose sha256 does not match its pin (warns instead of failing)',
    })
    .option('config', {
      type: 'string',
      describe: 'Config file (default: the first of mcpgen.config.ts, .mjs, .json, .yaml in the working directory)',
    }) as Argv<T & SpecArgs>;
}

export const formatOption = {
  type: 'string',
  choices: ['text', 'json'],
  default: 'text',
  describe: 'Output format: text for people, json for machines',
} as const;

/** Where a command finds the spec: flags first, then the config file (type-only imports: no cost at start-up). */
export function specSource(args: SpecArgs, config: Pick<LoadedConfig, 'specDir' | 'allowUnpinned'>): SpecSourceOptions {
  return {
    specDir: args['spec-dir'],
    configSpecDir: config.specDir,
    allowUnpinned: args['allow-unpinned'] ?? config.allowUnpinned,
  };
}
