/**
 * Options shared by every command that needs a spec, described once.
 */
import type { Argv } from 'yargs';
import { McpgenError } from '../../diagnostics/diagnostic.js';
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

export interface InputArgs {
  'max-input-size'?: number;
}

/** `--max-input-size`: the cap on each manifest and $ref file read (so /dev/zero or a runaway file cannot eat memory). */
export function withInputOptions<T>(y: Argv<T>): Argv<T & InputArgs> {
  return y.option('max-input-size', {
    type: 'number',
    describe: 'Largest manifest or $ref file read, in MB (default 16)',
  }) as Argv<T & InputArgs>;
}

/** The byte limit for the loader, or undefined for the default. */
export function maxInputBytes(args: InputArgs): number | undefined {
  const mb = args['max-input-size'];
  if (mb === undefined) return undefined;
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: `--max-input-size must be a positive number of MB, not ${String(mb)}.`,
    });
  }
  return Math.floor(mb * 1024 * 1024);
}
