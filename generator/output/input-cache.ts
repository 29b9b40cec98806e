/**
 * The incremental cache: a run whose inputs are unchanged since the run that
 * wrote the output folder does no emitting, no formatting and no writing.
 * The key hashes every input by content (never by absolute path, time or
 * listing order), so it matches across folders, machines and restored build
 * caches. It lives in `.mcpgen/cache.json`, beside the output index but out
 * of it: the index is what `--check` compares and what users commit, and it
 * must not change when only mcpgen's code does. A hit also requires every
 * file the index lists to be on disk unchanged, so an edited or deleted
 * output is regenerated.
 */
import { nodeCrypto } from './node-crypto.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listGeneratorFiles } from '../generator-files.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { orphanedUserFileWarning } from './orphaned-user-files.js';
import { INDEX_PATH, type OutputIndex } from './output-index.js';
import type { PlannedFile } from './plan-output.js';
import { newPathChecks, resolveInside } from './safe-path.js';
import { findStaleTemps, pendingJournal } from './write-output.js';
import { sha256OfText } from './text-bytes.js';

/**
 * A hash of mcpgen's own code and templates (generator-files.ts), so that a
 * changed generator never reuses output of the old one, even at the same
 * version (development builds, patched installs). Computed once per process;
 * the same installed version gives the same hash on every machine.
 */
let codeHash: string | undefined;
export function generatorCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = nodeCrypto().createHash('sha256');
  for (const { path, key } of listGeneratorFiles()) hash.update(key).update('\0').update(readFileSync(path)).update('\0');
  return (codeHash = hash.digest('hex'));
}

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
  return sha256OfText(
    JSON.stringify({
      v: 1,
      generator: inputs.generatorVersion,
      code: generatorCodeHash(),
      spec: inputs.specSha256,
      revision: inputs.revision,
      manifests: inputs.manifests.map((t) => sha256OfText(t)),
      referenced: inputs.referenced.map((t) => sha256OfText(t)).sort(),
      emitters: inputs.emitters,
    }),
  );
}

/**
 * The plan of a run that would change nothing, when `key` matches the index
 * and the folder still holds exactly what the index recorded; else undefined.
 */
export function cachedPlan(out: string, index: OutputIndex | undefined, key: string): { plan: PlannedFile[]; diagnostics: Diagnostic[] } | undefined {
  if (!index || readCacheKey(out) !== key) return undefined;
  // An interrupted write (journal) or leftovers must be recovered by a full
  // run: after a kill between the last rename and the journal's removal, the
  // files match the new index while the key is still the old one's.
  if (pendingJournal(out) || findStaleTemps(out).length) return undefined;
  const plan: PlannedFile[] = [];
  const checks = newPathChecks();
  try {
    for (const [path, hash] of Object.entries(index.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const absolutePath = resolveInside(out, path, checks);
      if (!existsSync(absolutePath) || sha256OfText(readFileSync(absolutePath)) !== hash) return undefined;
      plan.push({ path, absolutePath, owner: 'generated', action: 'unchanged' });
    }
    const orphans = new Set(index.orphanedUserFiles ?? []);
    for (const path of index.userFiles ?? []) {
      const absolutePath = resolveInside(out, path, checks);
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

export const CACHE_PATH = '.mcpgen/cache.json';

function readCacheKey(out: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(out, CACHE_PATH), 'utf8')) as { inputs?: unknown };
    return typeof parsed.inputs === 'string' ? parsed.inputs : undefined;
  } catch {
    return undefined;
  }
}

/** Records the key after a successful write (never in check or dry-run mode). */
export function writeCacheKey(out: string, key: string): void {
  if (readCacheKey(out) === key) return;
  writeFileAtomic(resolveInside(out, CACHE_PATH), JSON.stringify({ generator: 'mcpgen', inputs: key }, null, 2) + '\n');
}
