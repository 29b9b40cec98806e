/**
 * The write stage as one call: header → prettier (once) → output index → plan
 * → write, check or dry-run. Every command that produces files (generate,
 * protocol) ends here, so they all share the same guarantees: atomic writes,
 * unchanged files left alone, user-owned files never overwritten, nothing
 * written in check and dry-run modes.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './file-map.js';
import { formatFiles } from './format-files.js';
import { withHeader, type HeaderInfo } from './header.js';
import { buildOutputIndex, type OutputIndex } from './output-index.js';
import { planOutput, type PlannedFile } from './plan-output.js';
import { writePlan } from './write-output.js';

export type OutputMode = 'write' | 'check' | 'dry-run';

export interface EmitOutputOptions {
  out: string;
  mode: OutputMode;
  header: HeaderInfo;
  /** The output index of the previous run, when the caller has already read it. */
  previousIndex?: OutputIndex;
  /** User files of earlier runs that are no longer generated but still exist (kept listed in the index). */
  keptUserFiles?: string[];
  onProgress?: (message: string) => void;
}

export interface EmitOutputResult {
  plan: PlannedFile[];
  /** In check mode: one error per stale, missing or orphaned file. */
  diagnostics: Diagnostic[];
}

export async function emitOutput(files: OutputFile[], options: EmitOutputOptions): Promise<EmitOutputResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress(`formatting ${files.length} files`);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const formatted = await formatFiles(
    sorted.map((f) => (f.owner === 'generated' ? { ...f, contents: withHeader(f.path, f.contents, options.header) } : f)),
  );
  const plan = planOutput(options.out, [...formatted, buildOutputIndex(formatted, options.keptUserFiles)], options.previousIndex);
  if (options.mode === 'check') return { plan, diagnostics: checkDiagnostics(plan, options.out) };
  if (options.mode === 'write') {
    progress('writing');
    writePlan(plan);
  }
  return { plan, diagnostics: [] };
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
