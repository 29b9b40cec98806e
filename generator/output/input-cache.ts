/**
 * The incremental cache: a run whose inputs are unchanged since the run that
 * wrote the output folder does no emitting, no formatting and no writing.
 * The key hashes every input by content (never by absolute path, time or
 * listing order), so it matches across folders, machines and restored build
 * caches; it is stored in the output index. A hit also requires every file
 * the index lists to be on disk unchanged, so an edited or deleted output is
 * regenerated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256Hex } from '../spec/load-spec.js';
import { orphanedUserFileWarning } from './orphaned-user-files.js';
import { INDEX_PATH, type OutputIndex } from './output-index.js';
import type { PlannedFile } from './plan-output.js';
import { resolveInside } from './safe-path.js';

export interface CacheInputs {
  generatorVersion: string;
  specSha256: string;
  revision: string;
  /** Manifest texts, in merge order. */
  manifests: string[];
  /** Texts of every other file read ($ref targets). */
  referenced: string[];
  /** Each emitter's identity and options, in order. */
  emitters: { fingerprint: string; options: unknown }[];
}

export function cacheKey(inputs: CacheInputs): string {
  return sha256Hex(
    JSON.stringify({
      v: 1,
      generator: inputs.generatorVersion,
      spec: inputs.specSha256,
      revision: inputs.revision,
      manifests: inputs.manifests.map((t) => sha256Hex(t)),
      referenced: inputs.referenced.map((t) => sha256Hex(t)).sort(),
      emitters: inputs.emitters,
    }),
  );
}

/**
 * The plan of a run that would change nothing, when `key` matches the index
 * and the folder still holds exactly what the index recorded; else undefined.
 */
export function cachedPlan(out: string, index: OutputIndex | undefined, key: string): { plan: PlannedFile[]; diagnostics: Diagnostic[] } | undefined {
  if (!index || index.inputs !== key) return undefined;
  const plan: PlannedFile[] = [];
  try {
    for (const [path, hash] of Object.entries(index.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const absolutePath = resolveInside(out, path);
      if (!existsSync(absolutePath) || sha256Hex(readFileSync(absolutePath)) !== hash) return undefined;
      plan.push({ path, absolutePath, owner: 'generated', action: 'unchanged' });
    }
    const orphans = new Set(index.orphanedUserFiles ?? []);
    for (const path of index.userFiles ?? []) {
      const absolutePath = resolveInside(out, path);
      if (!existsSync(absolutePath)) return undefined;
      if (!orphans.has(path)) plan.push({ path, absolutePath, owner: 'user', action: 'keep-user' });
    }
    plan.push({ path: INDEX_PATH, absolutePath: join(out, INDEX_PATH), owner: 'generated', action: 'unchanged' });
  } catch {
    return undefined; // A tampered index: let the full run sort it out.
  }
  const diagnostics = (index.orphanedUserFiles ?? []).map((path) => orphanedUserFileWarning(join(out, path)));
  return { plan: plan.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics };
}
