/**
 * Runs a target's emitters and gathers their files into one map. Decides
 * each emitter's root folder (the path rule of the contract: with several
 * package emitters in one target, each writes under `<name>/`), prefixes
 * its paths, and holds every emitter to what it declared: paths it may
 * write, files the user owns, no path claimed twice.
 */
import type { HeaderInfo } from '../output/header.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IR } from '../ir/model.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import type { OutputFile } from '../output/file-map.js';
import type { ToolArtifacts } from '../pipeline/tool-artifacts.js';
import type { PackageDependencies } from './emitter.js';
import type { LoadedEmitter } from './plugin-loader.js';
import { partsOf, withFields } from '../output/parted-text.js';
import { forgetObjectMemos } from '../pipeline/run-memos.js';

export interface EmitRunResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** npm dependencies per emitter root (`''`: the target folder). */
  dependencies: { emitter: string; root: string; needs: PackageDependencies }[];
}

/** The folder (relative to the target) each emitter writes to. */
export function emitterRoots(emitters: LoadedEmitter[]): Map<string, string> {
  const packages = emitters.filter((e) => e.emitter.package);
  return new Map(emitters.map((e) => [e.emitter.name, packages.length > 1 && e.emitter.package ? e.emitter.name : '']));
}

/** `*` matches within a path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Compiled globs: emitters declare a few, matched against thousands of paths per run. */
const compiledGlobs = new Map<string, RegExp>();
const compiled = (glob: string): RegExp => {
  let re = compiledGlobs.get(glob);
  if (!re) compiledGlobs.set(glob, (re = globToRegExp(glob)));
  return re;
};
const matchesAny = (path: string, globs: string[] | undefined): boolean => (globs ?? []).some((g) => compiled(g).test(path));

export async function runEmitters(
  emitters: LoadedEmitter[],
  context: { ir: IR; spec: LoadedSpec; artifacts: ToolArtifacts; generatorVersion: string; header?: HeaderInfo },
  onProgress: (message: string) => void = () => undefined,
): Promise<EmitRunResult> {
  const roots = emitterRoots(emitters);
  const owners = new Map<string, string>();
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const dependencies: EmitRunResult['dependencies'] = [];
  const problem = (name: string, message: string): void => {
    diagnostics.push({ code: 'plugin/invalid', severity: 'error', message: `Emitter "${name}": ${message}`, hint: 'The emitter does not keep its contract (docs/plugins.md); report it to its author.' });
  };
  for (const { emitter, options, fingerprint } of emitters) {
    const root = roots.get(emitter.name)!;
    onProgress(`emitting ${emitter.name}`);
    let emitted: OutputFile[];
    try {
      emitted = await emitter.emit({ ...context, options, root });
    } catch (err) {
      if (!fingerprint.startsWith('builtin:')) forgetObjectMemos();
      // McpgenErrors are the user's (a schema that cannot compile); a built-in's other failures are mcpgen bugs (exit 70).
      if ((err as Error)?.name === 'McpgenError' || fingerprint.startsWith('builtin:')) throw err;
      problem(emitter.name, `emit() failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      continue;
    }
    // A plug-in may have changed the IR: memo keys are serialized again from here on.
    if (!fingerprint.startsWith('builtin:')) forgetObjectMemos();
    if (!Array.isArray(emitted)) {
      problem(emitter.name, 'emit() must return an array of files.');
      continue;
    }
    for (const f of emitted) {
      if (!f || typeof f.path !== 'string' || (!partsOf(f) && typeof f.contents !== 'string') || (f.owner !== 'generated' && f.owner !== 'user')) {
        problem(emitter.name, 'every file needs a string `path`, string `contents` and `owner` "generated" or "user".');
        break;
      }
      if (emitter.files && !matchesAny(f.path, emitter.files)) {
        problem(emitter.name, `it wrote ${f.path}, which is not among the files it declares (${emitter.files.join(', ')}).`);
        continue;
      }
      if (emitter.userOwned && matchesAny(f.path, emitter.userOwned) !== (f.owner === 'user')) {
        problem(emitter.name, `${f.path} is ${f.owner === 'user' ? 'user-owned but not declared in userOwned' : 'declared user-owned but emitted as generated'}.`);
        continue;
      }
      const path = root ? `${root}/${f.path}` : f.path;
      const previous = owners.get(path);
      if (previous !== undefined) {
        diagnostics.push({
          code: 'output/path-collision',
          severity: 'error',
          message: `Emitters "${previous}" and "${emitter.name}" both write ${path}.`,
          hint: 'Put them in separate targets, or drop one of them from this target.',
        });
        continue;
      }
      owners.set(path, emitter.name);
      files.push(withFields(f, { path }));
    }
    if (emitter.dependencies) {
      const needs = typeof emitter.dependencies === 'function' ? emitter.dependencies(options) : emitter.dependencies;
      dependencies.push({ emitter: emitter.name, root, needs });
    }
  }
  return { files, diagnostics, dependencies };
}
