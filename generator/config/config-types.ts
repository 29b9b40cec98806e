/**
 * The shape of `mcpgen.config.{ts,mjs,json,yaml}`, and `defineConfig()`, the
 * typed identity function a TypeScript config exports. The same shape is
 * published as `mcpgen/config.schema.json` (schema/config.schema.json); the
 * loader validates every config against it.
 */

/** An emitter by built-in name (`'server'`), or a plug-in module with its options. */
export type EmitEntry =
  | string
  | {
      /** A path relative to the config file (`./my-emitter.mjs`) or an npm package name. */
      plugin: string;
      /** Options for the plug-in, checked against its `optionsSchema`. */
      options?: Record<string, unknown>;
    };

/** One output folder and what goes into it. */
export interface TargetConfig {
  /** Manifest files (relative to the config file); default: the config's `manifests`. */
  manifests?: string[];
  /**
   * The revision(s) to generate for. Several revisions are generated side by
   * side, each into `<target>/<revision>/`. `latest` is the newest released
   * revision. Default: the config's `revision`, else the manifest's.
   */
  revision?: string | string[];
  /** Emitters, in order: built-in names (`manifest`, `server`) and plug-ins. */
  emit: EmitEntry[];
  /** Options for built-in emitters, by emitter name. */
  options?: Record<string, Record<string, unknown>>;
}

export interface HooksConfig {
  /** Commands run once after a write that changed files; the changed paths are appended as arguments. */
  afterAllFileWrite?: string | string[];
  /** Commands run for every written file; its path is appended as an argument. */
  afterOneFileWrite?: string | string[];
}

export interface McpgenConfig {
  $schema?: string;
  /** Default manifests for every target, relative to the config file. */
  manifests?: string[];
  /** Default revision(s) for every target. */
  revision?: string | string[];
  /** Spec directory, searched after --spec-dir and MCPGEN_SPEC_DIR. Relative to the config file. */
  specDir?: string;
  allowUnpinned?: boolean;
  /** Never download a missing spec revision (like --offline). */
  offline?: boolean;
  /**
   * Folders (relative to the config file) that a manifest's file `$ref`s may
   * also point into. By default a `$ref` may only reach files inside the
   * manifest's own folder tree.
   */
  refRoots?: string[];
  /** Output folders (relative to the config file) and what each gets. */
  targets?: Record<string, TargetConfig>;
  hooks?: HooksConfig;
  /** One-target shorthand (kept for older configs): output folder. Prefer `targets`. */
  out?: string;
  /** One-target shorthand (kept for older configs): emitters. Prefer `targets`. */
  emit?: string[];
}

/**
 * Types a config in `mcpgen.config.ts` / `.mjs`:
 *
 * @example
 * import { defineConfig } from 'mcpgen';
 * export default defineConfig({
 *   manifests: ['mcp.yaml'],
 *   targets: { 'packages/server': { emit: ['server'] } },
 * });
 */
export function defineConfig(config: McpgenConfig): McpgenConfig {
  return config;
}
