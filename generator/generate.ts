/**
 * `generate`: manifest(s) → lint → IR → emitters → prettier → write stage.
 * Nothing is written unless every stage before the write succeeded.
 */
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadEmitters } from './emit/registry.js';
import { FileMap } from './output/file-map.js';
import { formatFiles } from './output/format-files.js';
import { withHeader } from './output/header.js';
import { buildOutputIndex } from './output/output-index.js';
import { planOutput, type PlannedFile } from './output/plan-output.js';
import { writePlan } from './output/write-output.js';
import { packageVersion } from './package-root.js';
import { prepare, type PrepareOptions } from './pipeline/prepare.js';
import { join } from 'node:path';

export type OutputMode = 'write' | 'check' | 'dry-run';

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
  /** 0 ok; 1 lint errors or (check) stale output; 2 never (thrown as McpgenError). */
  exitCode: 0 | 1;
  revision?: string;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const mode = options.mode ?? 'write';
  const progress = options.onProgress ?? (() => undefined);
  const prepared = prepare(options);
  const { diagnostics, loaded } = prepared;
  if (hasErrors(diagnostics) || !prepared.ir || !prepared.spec) {
    return { plan: [], diagnostics, sources: loaded.sources, exitCode: 1, revision: prepared.spec?.revision.id };
  }
  const { ir, spec } = prepared;
  const version = packageVersion();

  const emitters = await loadEmitters(options.emit);
  const files = new FileMap();
  for (const emitter of emitters) {
    progress(`emitting ${emitter.name}`);
    files.addAll(await emitter.emit({ ir, spec, generatorVersion: version }));
  }
  progress(`formatting ${files.size} files`);
  const header = { version, revision: ir.revision.id, inputHash: ir.inputHash };
  const formatted = await formatFiles(
    files.list().map((f) => (f.owner === 'generated' ? { ...f, contents: withHeader(f.path, f.contents, header) } : f)),
  );
  const all = [...formatted, buildOutputIndex(formatted)];
  const plan = planOutput(options.out, all);

  if (mode === 'check') {
    diagnostics.push(...checkDiagnostics(plan, options.out));
  } else if (mode === 'write') {
    progress('writing');
    writePlan(plan);
  }
  return {
    plan,
    diagnostics,
    sources: loaded.sources,
    exitCode: hasErrors(diagnostics) ? 1 : 0,
    revision: ir.revision.id,
  };
}

function checkDiagnostics(plan: PlannedFile[], out: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const p of plan) {
    const file = join(out, p.path);
    const at = { file, line: 1, column: 1 };
    if (p.action === 'update' || p.action === 'conflict') {
      result.push({ code: 'output/stale', severity: 'error', message: `${file} is stale (differs from what would be generated).`, location: at });
    } else if (p.action === 'create') {
      result.push({ code: 'output/missing', severity: 'error', message: `${file} is missing.`, location: at });
    } else if (p.action === 'delete-orphan' || p.action === 'keep-edited-orphan') {
      result.push({ code: 'output/orphaned', severity: 'error', message: `${file} is orphaned (generated before, not any more).`, location: at });
    }
  }
  return result;
}
