/**
 * A complete emitter context for calling an emitter directly (tests, custom
 * build scripts): fresh shared artifacts, no options, the target's root.
 */
import type { IR } from '../ir/model.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { toolArtifacts } from '../pipeline/tool-artifacts.js';
import type { EmitContext } from './emitter.js';

export function emitContext(
  base: { ir: IR; spec: LoadedSpec; generatorVersion: string },
  extra: { options?: Record<string, unknown>; root?: string } = {},
): EmitContext {
  return { ...base, options: extra.options ?? {}, artifacts: toolArtifacts(base.ir), root: extra.root ?? '' };
}
