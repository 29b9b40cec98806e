/**
 * The emitter contract, shared by the built-in emitters and plug-ins (see
 * docs/plugins.md). An emitter is a pure function from the IR to files: it
 * never touches the file system; the write stage does. Paths are relative to
 * the emitter's own root folder, as if it were alone in the target; the
 * build step decides where that root is (see `package`).
 */
import type { HeaderInfo } from '../output/header.js';
import type { IR } from '../ir/model.js';
import type { JsonSchema, LoadedSpec } from '../spec/load-spec.js';
import type { OutputFile } from '../output/file-map.js';
import type { ToolArtifacts } from '../pipeline/tool-artifacts.js';

export interface EmitContext<Options = Record<string, unknown>> {
  ir: IR;
  spec: LoadedSpec;
  /** mcpgen's version, for generated package metadata. */
  generatorVersion: string;
  /** This emitter's options from the config, already checked against `optionsSchema` (`{}` when none). */
  options: Options;
  /** Per-tool types and validators, computed once per run and shared by every emitter. */
  artifacts: ToolArtifacts;
  /**
   * The header the write stage puts in front of generated files, when the
   * caller knows it (`generate` does). A built-in emitter then builds its
   * largest modules with the header in one piece and marks them `headed`.
   */
  header?: HeaderInfo;
  /**
   * Where this emitter's files land, relative to the target folder (POSIX;
   * `''` for the target itself). Informational: emitted paths stay relative
   * to this root.
   */
  root: string;
}

/** npm packages the generated code imports (exact versions), by section of package.json. */
export interface PackageDependencies {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Emitter<Options = Record<string, unknown>> {
  /** Unique, lowercase (`server`, `my-docs`): the `--emit` name and the key of its options in the config. */
  name: string;
  /** One line for `--help` and the README. */
  description: string;
  /** JSON Schema (draft-07) of the options; without one, the emitter takes no options. */
  optionsSchema?: JsonSchema;
  /**
   * The emitter writes an npm package (its own package.json). When a target
   * has several package emitters, each gets the subfolder named after it
   * (`server/`, `client/`), so their package.json files never collide; a
   * single package emitter, and every other emitter, writes at the target's root.
   */
  package?: boolean;
  /** Every path it may write, as globs relative to its root (`manifest.json`, `src/**`). Checked after each run. */
  files?: string[];
  /** The paths (globs) of user-owned files: created once, never overwritten. Must match each file's `owner`. */
  userOwned?: string[];
  /** npm packages its output needs; reported by `generate` and listed in docs. */
  dependencies?: PackageDependencies | ((options: Options) => PackageDependencies);
  emit(context: EmitContext<Options>): OutputFile[] | Promise<OutputFile[]>;
}
