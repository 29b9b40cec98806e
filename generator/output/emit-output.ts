/**
 * The write stage as one call: header → prettier (once) → output index → plan
 * → write, check or dry-run. Every command that produces files (generate,
 * protocol) ends here, so they all share the same guarantees: atomic writes,
 * unchanged files left alone, user-owned files never overwritten, nothing
 * written in check and dry-run modes.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/display-path.js';
import type { OutputFile } from './file-map.js';
import { formatFiles } from './format-files.js';
import { headerText, withHeader, type HeaderInfo } from './header.js';
import { buildOutputIndex, hashOfText, knownHash, readOutputIndex, type OutputIndex } from './output-index.js';
import { fieldsOf, parted, partsOf, textStartsWith } from './parted-text.js';
import { runMemosKept } from '../pipeline/run-memos.js';
import { knownDiskContents, planOutput, rememberWritten, type PlannedFile } from './plan-output.js';
import { mergePackageJson } from './merge-package-json.js';
import { acquireOutputLock } from './output-lock.js';
import { findStaleTemps, pendingJournal, recoverOutput, writePlan, type WrittenStat } from './write-output.js';
import { sha256OfText } from './text-bytes.js';

export type OutputMode = 'write' | 'check' | 'dry-run';

export interface EmitOutputOptions {
  out: string;
  mode: OutputMode;
  header: HeaderInfo;
  /** The output index of the previous run, when the caller has already read it. */
  previousIndex?: OutputIndex;
  /** User files of earlier runs that are no longer generated but still exist (kept listed in the index). */
  keptUserFiles?: string[];
  /** Write through an output folder that is a symbolic link (refused by default). */
  followOutLink?: boolean;
  /** How long to wait for another run writing the same folder (ms, default 30000). */
  lockWaitMs?: number;
  onProgress?: (message: string) => void;
}

export interface EmitOutputResult {
  plan: PlannedFile[];
  /** In check mode: one error per stale, missing or orphaned file. */
  diagnostics: Diagnostic[];
  /** Write mode: each file written, with its stat right after writing (see write-output.ts). */
  written?: ReadonlyMap<string, WrittenStat>;
}

export async function emitOutput(files: OutputFile[], options: EmitOutputOptions): Promise<EmitOutputResult> {
  const progress = options.onProgress ?? (() => undefined);
  refuseLinkedOut(options.out, options.followOutLink === true);
  progress(`formatting ${files.length} files`);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const nextHeaded = runMemosKept() ? new Map<string, HeadedText>() : undefined;
  const formatted = await formatFiles(
    sorted.map((f) => (f.owner === 'generated' ? headed(f, options.header, nextHeaded) : f)),
  );
  if (nextHeaded) headedMemo = nextHeaded;
  const all = [...formatted, buildOutputIndex(formatted, options.keptUserFiles)];
  if (options.mode === 'check') {
    const plan = planOutput(options.out, all, options.previousIndex);
    mergePackageJson(plan, readText);
    return { plan, diagnostics: [...interruptedDiagnostics(options.out), ...checkDiagnostics(plan, options.out)] };
  }
  if (options.mode !== 'write') {
    const plan = planOutput(options.out, all, options.previousIndex);
    return { plan, diagnostics: [...editedDiagnostics(plan, options.previousIndex), ...mergePackageJson(plan, readText)] };
  }
  progress('writing');
  // One writer at a time; an interrupted run is rolled back first, then the plan is made on what is really there.
  const lock = acquireOutputLock(options.out, options.lockWaitMs);
  try {
    for (const note of recoverOutput(options.out)) progress(note);
    const index = readOutputIndexAfterRecovery(options);
    const plan = planOutput(options.out, all, index);
    const diagnostics = [...editedDiagnostics(plan, index), ...mergePackageJson(plan, readText)];
    const written = writePlan(plan, options.out);
    rememberWritten(plan, written);
    return { plan, diagnostics, written };
  } finally {
    lock.release();
  }
}

interface HeadedText {
  header: string;
  raw: string;
  text: string;
}

/**
 * Each generated file's text with its header, from the previous run in a
 * process that re-runs (`generate --watch`): an unchanged file (most are
 * the memos' very strings) gets the very string it got last run, so the
 * comparisons with the last run's texts (output index, plan) are equal at
 * once instead of building and comparing a new copy of every file.
 */
let headedMemo = new Map<string, HeadedText>();

/** A generated file with the run's header in front: already there for a `headed` file (checked; a parted one stays parted). */
function headed(file: OutputFile, header: HeaderInfo, next: Map<string, HeadedText> | undefined): OutputFile {
  if (!file.headed) {
    const text = headerText(file.path, header);
    if (!text) return file; // JSON: no header
    const parts = partsOf(file);
    if (parts) return parted(fieldsOf(file), [text, ...parts]);
    const known = next ? headedMemo.get(file.path) : undefined;
    const contents = known && known.header === text && known.raw === file.contents ? known.text : withHeader(file.path, file.contents, header);
    next?.set(file.path, { header: text, raw: file.contents, text: contents });
    return { ...file, contents };
  }
  if (!textStartsWith(file, headerText(file.path, header))) throw new Error(`mcpgen internal error: ${file.path} is marked headed but does not begin with this run's header`);
  return file;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The index as it is now (a rollback may have restored it); the caller's copy otherwise. */
function readOutputIndexAfterRecovery(options: EmitOutputOptions): OutputIndex | undefined {
  return options.previousIndex === undefined ? undefined : (readOutputIndex(options.out) ?? options.previousIndex);
}

/** An output folder that is a symbolic link could send output anywhere: only with an explicit flag. */
function refuseLinkedOut(out: string, follow: boolean): void {
  let isLink = false;
  try {
    isLink = lstatSync(out).isSymbolicLink();
  } catch {
    return; // does not exist yet
  }
  if (isLink && !follow) {
    throw new McpgenError({
      code: 'output/out-is-link',
      severity: 'error',
      message: `The output folder ${displayPath(out)} is a symbolic link; mcpgen does not write through it by default.`,
      hint: 'Pass --follow-out-link to write into the folder it points to, or use the real folder as --out.',
      location: { file: out, line: 1, column: 1 },
    });
  }
}

/** Generated files edited by hand since the last run: named before they are overwritten. */
function editedDiagnostics(plan: PlannedFile[], previous: OutputIndex | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of plan) {
    const before = previous?.files?.[p.path];
    if (p.action !== 'update' || typeof before !== 'string' || p.path === '.mcpgen/files.json') continue;
    // Contents this process wrote or read and whose size and mtime have not moved: hashed without reading (watch).
    const known = knownDiskContents(p.absolutePath);
    if (known !== undefined) {
      if ((knownHash(p.path, known) ?? hashOfText(p.path, known)) === before) continue;
    } else {
      let current: Buffer;
      try {
        current = readFileSync(p.absolutePath);
      } catch {
        continue;
      }
      if (sha256OfText(current) === before) continue;
    }
    out.push({
      code: 'output/edited-overwritten',
      severity: 'warning',
      message: `${displayPath(p.absolutePath)} was edited by hand since the last run; the edit is overwritten.`,
      hint: 'Generated files are rewritten on every run. Put your code in the handler files, which mcpgen never overwrites.',
      location: { file: displayPath(p.absolutePath), line: 1, column: 1 },
    });
  }
  return out;
}

/** `--check`: a write that was interrupted (journal left) or staging files left behind. */
function interruptedDiagnostics(out: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  const journal = pendingJournal(out);
  if (journal) {
    result.push({
      code: 'output/interrupted',
      severity: 'error',
      message: `A write to ${displayPath(out)} was interrupted; the output may mix two runs.`,
      hint: 'Run generate without --check: it rolls the interrupted write back first, then writes.',
      location: { file: displayPath(journal), line: 1, column: 1 },
    });
  }
  for (const f of findStaleTemps(out)) {
    result.push({
      code: 'output/stale-temp',
      severity: 'error',
      message: `${displayPath(f)} is left over from an interrupted run.`,
      hint: 'Run generate without --check to remove it.',
      location: { file: displayPath(f), line: 1, column: 1 },
    });
  }
  return result;
}

function checkDiagnostics(plan: PlannedFile[], out: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const p of plan) {
    const file = displayPath(join(out, p.path));
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
