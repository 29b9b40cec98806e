/**
 * `generate`: manifest(s) → lint → IR → emitters → write stage. Nothing is
 * written unless every stage before the write succeeded.
 */
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { assertOneOutputPackage, loadEmitters } from './emit/registry.js';
import { emitOutput, type OutputMode } from './output/emit-output.js';
import { orphanedUserFiles } from './output/orphaned-user-files.js';
import { readOutputIndex } from './output/output-index.js';
import { FileMap } from './output/file-map.js';
import type { PlannedFile } from './output/plan-output.js';
import { packageVersion } from './package-root.js';
import { prepare, type PrepareOptions } from './pipeline/prepare.js';

export type { OutputMode } from './output/emit-output.js';

export interface GenerateOptions extends PrepareOptions {
  /** Emitter names (`mcpgen generate --emit`). */
  emit: string[];
  /** Output folder. */
  out: string;
  /** `write` (default), `check` (report stale output, write nothing), `dry-run` (report what would change). */
  mode?: OutputMode;
  onProgress?: (message: string) => void;
}

export interface GenerateResult {
  /** What the run did (write) or would do (check, dry-run). */
  plan: PlannedFile[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** 0 ok; 1 lint errors or (check) stale output; 2 manifests unusable. Spec errors are thrown as McpgenError (exit 2). */
  exitCode: 0 | 1 | 2;
  revision?: string;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const progress = options.onProgress ?? (() => undefined);
  assertOneOutputPackage(options.emit);
  const prepared = prepare(options);
  const { diagnostics, loaded } = prepared;
  if (hasErrors(diagnostics) || !prepared.ir || !prepared.spec) {
    const exitCode = prepared.inputError ? 2 : 1;
    return { plan: [], diagnostics, sources: loaded.sources, exitCode, revision: prepared.spec?.revision.id };
  }
  const { ir, spec } = prepared;
  const version = packageVersion();

  const files = new FileMap();
  for (const emitter of await loadEmitters(options.emit)) {
    progress(`emitting ${emitter.name}`);
    files.addAll(await emitter.emit({ ir, spec, generatorVersion: version }));
  }
  const previousIndex = readOutputIndex(options.out);
  const orphans = orphanedUserFiles(options.out, previousIndex, files.list());
  const output = await emitOutput(files.list(), {
    out: options.out,
    mode: options.mode ?? 'write',
    header: { version, revision: ir.revision.id, inputHash: ir.inputHash },
    previousIndex,
    keptUserFiles: orphans.map((o) => o.path),
    onProgress: progress,
  });
  diagnostics.push(...output.diagnostics, ...orphans.map((o) => o.diagnostic));
  return {
    plan: output.plan,
    diagnostics,
    sources: loaded.sources,
    exitCode: hasErrors(diagnostics) ? 1 : 0,
    revision: ir.revision.id,
  };
}
