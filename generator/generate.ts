/**
 * `generate` for one output folder: manifest(s) → lint → IR → emitters →
 * write stage. Nothing is written unless every stage before the write
 * succeeded; a run whose inputs did not change since the last one (the
 * incremental cache in the output index) stops before emitting.
 */
import { resolve } from 'node:path';
import { McpgenError, hasErrors, type Diagnostic, type SourceLocation } from './diagnostics/diagnostic.js';
import type { EmitEntry } from './config/config-types.js';
import type { PackageDependencies } from './emit/emitter.js';
import type { PlaceDiagnostic } from './emit/plugin-loader.js';
import type { OutputMode } from './output/emit-output.js';
import { INDEX_PATH, type OutputIndex } from './output/output-index.js';
import type { PlannedFile } from './output/plan-output.js';
import { buildRunStamp, replayRunStamp, stampContext, writeRunStamp, type StampRecord } from './output/run-stamp.js';
import { sha256OfText } from './output/text-bytes.js';
import { packageVersion } from './package-root.js';
import type { PrepareOptions } from './pipeline/prepare.js';
import { specReads } from './spec/load-spec.js';
import type { SpecSourceOptions } from './spec/spec-dirs.js';

export type { OutputMode } from './output/emit-output.js';

export interface GenerateOptions extends PrepareOptions {
  /** Emitters: built-in names (`mcpgen generate --emit`) or `{ plugin, options }` entries. */
  emit: EmitEntry[];
  /** Options of built-in emitters, by name (a config target's `options`). */
  emitterOptions?: Record<string, Record<string, unknown>>;
  /** Output folder. */
  out: string;
  /** `write` (default), `check` (report stale output, write nothing), `dry-run` (report what would change). */
  mode?: OutputMode;
  /** Write through an output folder that is a symbolic link (`--follow-out-link`). */
  followOutLink?: boolean;
  /** Where plug-in paths are resolved from (default: `cwd`). */
  baseDir?: string;
  /** Locates problems in the emit list (set by the config loader). */
  place?: PlaceDiagnostic;
  /** Ignore the incremental cache (emit and compare every file). */
  force?: boolean;
  /** Never download a missing spec revision (default: fetch a pinned one on first use). */
  offline?: boolean;
  /**
   * Answer an unchanged run from the no-op stamp and record one after each
   * run (default true; output/run-stamp.ts). `--watch` turns it off: it keeps
   * its state in memory, and stat-ing every output after each save costs.
   */
  noopStamp?: boolean;
  onProgress?: (message: string) => void;
}

export interface GenerateResult {
  /** What the run did (write) or would do (check, dry-run). */
  plan: PlannedFile[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** 0 ok; 1 lint errors or (check) stale output; 2 unusable input (manifest, spec, config, plug-in). */
  exitCode: 0 | 1 | 2;
  revision?: string;
  /** Paths (relative to `out`) created, updated or removed, or that would be (check, dry-run). */
  changed: string[];
  /** The inputs matched the last run: nothing was emitted. */
  cached: boolean;
  /** npm packages the generated code needs, per emitter. */
  dependencies: { emitter: string; root: string; needs: PackageDependencies }[];
  /** Every file read as input (manifests and $ref targets), absolute; what `--watch` watches. */
  inputFiles: string[];
}

const CHANGES: PlannedFile['action'][] = ['create', 'update', 'delete-orphan', 'conflict'];

/** Never throws for user errors (bad manifest, spec, config or plug-in): they are in `diagnostics`. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const empty = { plan: [], sources: new Map<string, string>(), changed: [], cached: false, dependencies: [], inputFiles: [] };
  try {
    return await generateOrThrow(options);
  } catch (err) {
    if (err instanceof McpgenError) return { ...empty, diagnostics: err.diagnostics, exitCode: err.exitCode };
    throw err;
  }
}

/**
 * The no-op stamp's context: every option that shapes the output. Undefined
 * (no stamp) for runs whose inputs the stamp cannot see: plug-in emitters
 * (their code may read anything) and a docs templates folder.
 */
function runContext(options: GenerateOptions): string | undefined {
  if (options.emit.some((e) => typeof e !== 'string')) return undefined;
  if (options.emitterOptions && Object.values(options.emitterOptions).some((o) => o && typeof o === 'object' && 'templatesDir' in o)) return undefined;
  const cwd = resolve(options.cwd ?? process.cwd());
  return stampContext(
    {
      version: packageVersion(),
      cwd,
      out: resolve(cwd, options.out),
      manifests: options.manifests,
      revision: options.revision ?? null,
      profile: options.profile ?? null,
      emit: options.emit,
      emitterOptions: options.emitterOptions ?? null,
      baseDir: options.baseDir ?? null,
      specDir: options.specDir ?? null,
      configSpecDir: options.configSpecDir ?? null,
      allowUnpinned: options.allowUnpinned ?? null,
      offline: options.offline ?? null,
      followOutLink: options.followOutLink ?? null,
      maxInputBytes: options.maxInputBytes ?? null,
      refRoots: options.refRoots ?? null,
    },
    options.env,
  );
}

function specSourceOf(options: GenerateOptions): SpecSourceOptions {
  return {
    ...(options.specDir !== undefined ? { specDir: options.specDir } : {}),
    ...(options.configSpecDir !== undefined ? { configSpecDir: options.configSpecDir } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  };
}

async function generateOrThrow(options: GenerateOptions): Promise<GenerateResult> {
  const progress = options.onProgress ?? (() => undefined);
  const runStart = Date.now();
  const mode = options.mode ?? 'write';
  const context = mode === 'write' && options.noopStamp !== false ? runContext(options) : undefined;
  if (context !== undefined && !options.force) {
    // Nothing changed since the last write, by file metadata: no loading, linting, emitting or hashing.
    const replayed = replayRunStamp(resolve(options.cwd ?? process.cwd(), options.out), context, specSourceOf(options));
    if (replayed) {
      progress('inputs unchanged: nothing to emit');
      const { plan, diagnostics, sources, revision, inputFiles } = replayed;
      return { plan, diagnostics, sources, exitCode: hasErrors(diagnostics) ? 1 : 0, revision, changed: [], cached: true, dependencies: [], inputFiles };
    }
  }
  // The pipeline loads only when the stamp cannot answer.
  const [{ prepareOnFirstUse }, { loadEmitterEntries }, { runEmitters }, { emitOutput }, { cacheKey, cachedPlan, writeCacheKey }, { orphanedUserFiles }, { readOutputIndex }, { toolArtifacts }] =
    await Promise.all([
      import('./pipeline/prepare-on-first-use.js'),
      import('./emit/plugin-loader.js'),
      import('./emit/run-emitters.js'),
      import('./output/emit-output.js'),
      import('./output/input-cache.js'),
      import('./output/orphaned-user-files.js'),
      import('./output/output-index.js'),
      import('./pipeline/tool-artifacts.js'),
    ]);
  const { prepared, notes } = await prepareOnFirstUse(options);
  const { loaded } = prepared;
  const diagnostics = [...notes, ...prepared.diagnostics];
  const sourceKeys = [...new Set([...loaded.files, ...loaded.sources.keys()])];
  const inputFiles = sourceKeys.map((p) => resolve(options.cwd ?? process.cwd(), p));
  const base = { sources: loaded.sources, inputFiles, dependencies: [] };
  if (hasErrors(diagnostics) || !prepared.ir || !prepared.spec) {
    const exitCode = prepared.inputError ? 2 : 1;
    return { ...base, plan: [], diagnostics, exitCode, revision: prepared.spec?.revision.id, changed: [], cached: false };
  }
  const { ir, spec } = prepared;
  const version = packageVersion();
  const place: PlaceDiagnostic = options.place ?? ((suffix, message, o) => ({ code: o?.code ?? 'usage/invalid', severity: 'error', message: `${suffix.replace(/^\//, '').replace(/\//g, '.')}: ${message}`, ...(o?.hint ? { hint: o.hint } : {}) }));
  const loadedEmitters = await loadEmitterEntries({ entries: options.emit, options: options.emitterOptions, baseDir: options.baseDir ?? options.cwd ?? process.cwd(), place });
  if (loadedEmitters.diagnostics.length) {
    return { ...base, plan: [], diagnostics: [...diagnostics, ...loadedEmitters.diagnostics], exitCode: 2, revision: ir.revision.id, changed: [], cached: false };
  }

  const manifestTexts = loaded.files.map((f) => loaded.sources.get(f) ?? '');
  const key = cacheKey({
    generatorVersion: version,
    specSha256: spec.sha256,
    revision: ir.revision.id,
    manifests: manifestTexts,
    referenced: [...loaded.sources].filter(([p]) => !loaded.files.includes(p)).map(([, t]) => t),
    emitters: loadedEmitters.emitters.map((e) => ({ fingerprint: e.fingerprint, options: e.options })),
  });
  const previousIndex = readOutputIndex(options.out);
  /**
   * Records the no-op stamp of this run (output/run-stamp.ts). When none can
   * be made, an older stamp stays: it names every output's stat, so it cannot
   * match files a later run rewrote.
   */
  const stamp = (outputs: StampRecord['outputs'] | undefined, index: StampRecord['index'] | undefined): void => {
    if (context === undefined) return;
    const record =
      outputs && index && sourceKeys.every((k) => loaded.sources.has(k))
        ? buildRunStamp({
            context,
            revision: ir.revision.id,
            runStart,
            inputs: inputFiles.map((path, i) => ({ path, text: loaded.sources.get(sourceKeys[i]!)! })),
            specs: specReads(),
            specSource: specSourceOf(options),
            outputs,
            index,
            // What a cached run reports: lint and spec findings (orphan warnings are re-derived from the index).
            diagnostics: prepared.diagnostics,
            sources: Object.fromEntries(sourceKeys.map((k, i) => [k, inputFiles[i]!])),
            inputFiles,
          })
        : undefined;
    if (record) writeRunStamp(resolve(options.cwd ?? process.cwd(), options.out), record, options.env);
  };
  const hit = options.force ? undefined : cachedPlan(options.out, previousIndex, key);
  if (hit) {
    progress('inputs unchanged: nothing to emit');
    // Every output was just compared by content: renew the stamp (the index's contents are not at hand: trusted by stat only).
    stamp(
      hit.plan.filter((p) => p.owner === 'generated').map((p) => ({ path: p.path, absolutePath: p.absolutePath, sha256: () => previousIndex?.files[p.path] })),
      previousIndex,
    );
    diagnostics.push(...hit.diagnostics);
    return { ...base, plan: hit.plan, diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0, revision: ir.revision.id, changed: [], cached: true };
  }

  const emitted = await runEmitters(loadedEmitters.emitters, { ir, spec, artifacts: toolArtifacts(ir), generatorVersion: version, header: { version, revision: ir.revision.id } }, progress).catch(
    (err: unknown) => {
      throw located(err, loaded.sourceMap);
    },
  );
  if (emitted.diagnostics.length) {
    return { ...base, plan: [], diagnostics: [...diagnostics, ...emitted.diagnostics], exitCode: 2, revision: ir.revision.id, changed: [], cached: false };
  }
  const files = emitted.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const orphans = orphanedUserFiles(options.out, previousIndex, files);
  const output = await emitOutput(files, {
    out: options.out,
    mode: options.mode ?? 'write',
    header: { version, revision: ir.revision.id }, // as the emitters were told
    previousIndex,
    keptUserFiles: orphans.map((o) => o.path),
    followOutLink: options.followOutLink,
    onProgress: progress,
  });
  diagnostics.push(...output.diagnostics, ...orphans.map((o) => o.diagnostic));
  if (mode === 'write') {
    writeCacheKey(options.out, key);
    const index = output.plan.find((p) => p.path === INDEX_PATH)?.contents;
    // Without a stamp context (--watch, plug-ins) there is no stamp to record: the index is not parsed again for it.
    if (context !== undefined && index !== undefined && !hasErrors(diagnostics)) {
      const written = output.written ?? new Map();
      const planned = new Map(output.plan.map((p) => [p.path, p]));
      const parsed = JSON.parse(index) as OutputIndex;
      const files = parsed.files;
      stamp(
        [...Object.keys(files), INDEX_PATH].map((path) => {
          const absolutePath = planned.get(path)?.absolutePath ?? resolve(options.out, path);
          return { path, absolutePath, sha256: () => files[path] ?? sha256OfText(index), written: written.get(absolutePath) };
        }),
        parsed,
      );
    }
  }
  return {
    ...base,
    dependencies: emitted.dependencies,
    plan: output.plan,
    diagnostics,
    exitCode: hasErrors(diagnostics) ? 1 : 0,
    revision: ir.revision.id,
    changed: output.plan.filter((p) => CHANGES.includes(p.action)).map((p) => p.path),
    cached: false,
  };
}

/** An emit error that names a manifest item (its pointer) gets that item's file:line:col. */
function located(err: unknown, sourceMap: { locate(pointer: string): SourceLocation | undefined }): unknown {
  // By name, like run-emitters: a plug-in's McpgenError may come from another copy of mcpgen.
  if (!isMcpgenError(err) || typeof err.pointer !== 'string') return err;
  const location = sourceMap.locate(err.pointer);
  if (!location) return err;
  return new McpgenError(
    err.diagnostics.map((d) => (d.location ? d : { ...d, location })),
    err.exitCode,
    err.pointer,
  );
}

function isMcpgenError(err: unknown): err is McpgenError {
  return (err as Error)?.name === 'McpgenError' && Array.isArray((err as McpgenError).diagnostics);
}
