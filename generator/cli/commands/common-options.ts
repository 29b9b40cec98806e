/**
 * Options shared by every command that needs a spec, described once.
 */
import type { Argv } from 'yargs';

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
      describe: 'Config file (default: ./mcpgen.config.json when present)',
    }) as Argv<T & SpecArgs>;
}

export const formatOption = {
  type: 'string',
  choices: ['text', 'json'],
  default: 'text',
  describe: 'Output format: text for people, json for machines',
} as const;
