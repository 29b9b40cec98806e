/**
 * `mcpgen init`: writes every file into a private staging folder, runs the
 * first `generate` there, and only then moves the result into place, so a
 * failure at any step leaves nothing behind. In a non-empty folder (only with
 * --force) files that already exist are backed up while moving and restored
 * if a later move fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { hasErrors, McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { build } from '../build.js';
import type { SpecSourceOptions } from '../spec/spec-dirs.js';
import type { InitAnswers } from './init-answers.js';
import { scaffoldFiles } from './project-files.js';

export interface InitOptions extends SpecSourceOptions {
  /** Absolute path of the project folder (created when missing). */
  dir: string;
  answers: InitAnswers;
  /** mcpgen's version: the project's devDependency. */
  mcpgenVersion: string;
  /** Allow a non-empty folder; `confirmOverwrite` sees the files that would be replaced first. */
  force?: boolean;
  /** Write nothing; report what would be written. */
  dryRun?: boolean;
  /** Called with the existing files init would replace, before anything is moved; return false to stop. */
  confirmOverwrite?: (existing: string[]) => boolean | Promise<boolean>;
  onProgress?: (message: string) => void;
}

export interface InitResult {
  /** Every file of the new project, relative to it, sorted. */
  files: string[];
  /** Files that existed and were (or, with dryRun, would be) replaced. */
  replaced: string[];
  /** Warnings from the first generate. */
  diagnostics: Diagnostic[];
  /** False when confirmOverwrite declined. */
  written: boolean;
}

/** Files under dir, relative, POSIX-separated, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The nearest folder on the way up that exists (staging goes there: same file system, so renames are atomic). */
function existingAncestor(path: string): string {
  let dir = path;
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

export async function initProject(options: InitOptions): Promise<InitResult> {
  const { dir, answers } = options;
  const exists = existsSync(dir);
  if (exists && !statSync(dir).isDirectory()) {
    throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: `${dir} exists and is not a folder.` });
  }
  const present = exists ? readdirSync(dir) : [];
  if (present.length && !options.force) {
    const shown = present.sort().slice(0, 10).join(', ') + (present.length > 10 ? `, … (${present.length} entries)` : '');
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: `${dir} is not empty (${shown}); mcpgen init refuses to write into it.`,
      hint: 'Choose a new or empty folder, or pass --force: init then lists the files it would replace before replacing them (see --dry-run).',
    });
  }

  const stagingRoot = options.dryRun ? tmpdir() : existingAncestor(exists ? dirname(dir) : dir);
  const staging = mkdtempSync(join(stagingRoot, `.${basename(dir) || 'project'}.mcpgen-init-`));
  // Ctrl-C while staging: remove the staging folder too (the project folder is not touched before the final move).
  const interrupted = () => {
    rmSync(staging, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const progress = options.onProgress ?? (() => undefined);
    progress('writing the project files');
    for (const file of await scaffoldFiles(answers, options.mcpgenVersion)) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    progress('generating the server');
    // Every target of the project's own config, as `npm run generate` will run it.
    const result = await build({
      cwd: staging,
      mode: 'write',
      specDir: options.specDir,
      configSpecDir: options.configSpecDir,
      allowUnpinned: options.allowUnpinned,
    });
    if (result.exitCode !== 0 || hasErrors(result.diagnostics)) {
      throw new McpgenError(result.diagnostics.length ? result.diagnostics : [{ code: 'output/write-failed', severity: 'error', message: 'The first generate failed.' }]);
    }
    const files = listFiles(staging);
    const replaced = exists ? files.filter((f) => existsSync(join(dir, f))) : [];
    const base = { files, replaced, diagnostics: result.diagnostics };
    if (options.dryRun) return { ...base, written: false };
    if (replaced.length && options.confirmOverwrite && !(await options.confirmOverwrite(replaced))) return { ...base, written: false };
    progress('moving the project into place');
    moveIntoPlace(staging, dir, files, exists);
    return { ...base, written: true };
  } finally {
    process.removeListener('SIGINT', interrupted);
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A new folder is the staging folder, renamed in one step. An existing one
 * (empty, or with --force) keeps its identity (it may be a shell's working
 * folder): files move one by one, and a failure undoes the moves.
 */
function moveIntoPlace(staging: string, dir: string, files: string[], exists: boolean): void {
  if (!exists) {
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(staging, dir);
    mkdirSync(staging); // so the caller's cleanup has something to remove
    return;
  }
  const backups = join(staging, '.mcpgen-init-backup');
  const done: { file: string; backup?: string }[] = [];
  try {
    for (const file of files) {
      const target = join(dir, file);
      let backup: string | undefined;
      if (existsSync(target)) {
        backup = join(backups, file);
        mkdirSync(dirname(backup), { recursive: true });
        renameSync(target, backup);
      }
      done.push({ file, backup });
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(staging, file), target);
    }
  } catch (err) {
    for (const { file, backup } of done.reverse()) {
      rmSync(join(dir, file), { force: true });
      if (backup) renameSync(backup, join(dir, file));
    }
    throw new McpgenError({
      code: 'output/write-failed',
      severity: 'error',
      message: `Cannot move the new project into ${dir}: ${(err as Error).message}. Nothing was changed.`,
    });
  }
}
