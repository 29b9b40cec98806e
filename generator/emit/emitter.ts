/**
 * The emitter contract: a pure function from the IR (plus the loaded spec, for
 * emitters that work on the protocol itself) to files. Emitters never touch
 * the file system; the write stage does.
 */
import type { IR } from '../ir/model.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import type { OutputFile } from '../output/file-map.js';

export interface EmitContext {
  ir: IR;
  spec: LoadedSpec;
  /** mcpgen's version, for generated package metadata. */
  generatorVersion: string;
}

export interface Emitter {
  name: string;
  /** One line for `--help` and the README. */
  description: string;
  emit(context: EmitContext): OutputFile[] | Promise<OutputFile[]>;
}
