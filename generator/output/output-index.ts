/**
 * `.mcpgen/files.json` in the output folder: the generated files of the last
 * run and their hashes. It is how mcpgen knows which files are its own (JSON
 * files cannot carry a header), which files it generated before but would not
 * now (orphans), and whether an orphan was edited since (then it is kept).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from './file-map.js';
import { partsOf, sameText, type TextSource } from './parted-text.js';
import { sha256OfParts, sha256OfText } from './text-bytes.js';

export const INDEX_PATH = '.mcpgen/files.json';

export interface OutputIndex {
  generator: 'mcpgen';
  /** Generated file path → sha256 of its contents. */
  files: Record<string, string>;
  /**
   * User-owned files this run declares (created once, never overwritten), so
   * that a later run can warn about the ones it no longer declares.
   */
  userFiles?: string[];
  /** User files no longer generated but still on disk (warned about on every run). */
  orphanedUserFiles?: string[];
}

/**
 * The index this process built last, as text and as object (frozen). A run
 * of `generate --watch` reads back the index the run before it wrote, twice
 * (before emitting, and again under the output lock): while the file holds
 * that very text, the object is reused instead of parsing the text (240 KB
 * at 1,000 tools) again.
 */
let lastBuilt: { contents: string; index: OutputIndex } | undefined;

export function readOutputIndex(outDir: string): OutputIndex | undefined {
  try {
    const text = readFileSync(join(outDir, INDEX_PATH), 'utf8');
    if (lastBuilt !== undefined && text === lastBuilt.contents) return lastBuilt.index;
    const parsed = JSON.parse(text) as OutputIndex;
    if (parsed?.generator === 'mcpgen' && parsed.files && typeof parsed.files === 'object') return parsed;
  } catch {
    // No index (first run) or an unreadable one: treat as no previous output.
  }
  return undefined;
}

/**
 * Hashes of the previous run's generated files in this process, by path:
 * `generate --watch` rehashes only the files whose contents changed.
 * Replaced on each run, so it holds at most one run's files.
 */
let hashMemo = new Map<string, { source: TextSource; hash: string }>();
let previousHashMemo = new Map<string, { source: TextSource; hash: string }>();

/** The sha256 of the text when this process hashed exactly that for `path` in one of its last two indexes; else undefined. */
export function knownHash(path: string, text: TextSource): string | undefined {
  for (const m of [hashMemo, previousHashMemo]) {
    const known = m.get(path);
    if (known && sameText(known.source, text)) return known.hash;
  }
  return undefined;
}

/** The sha256 (hex) of a text; a parted one (parted-text.ts) is hashed from its parts' bytes, never joined. */
export function hashOfText(path: string, text: TextSource): string {
  const parts = partsOf(text);
  return parts ? sha256OfParts(parts, path) : sha256OfText(text.contents ?? '');
}

/**
 * `keptUserFiles`: user files from earlier runs that nothing generates any
 * more but that are still on disk. They stay listed, so the warning about
 * them repeats on every run until the user deletes or moves them.
 */
export function buildOutputIndex(files: OutputFile[], keptUserFiles: string[] = []): OutputFile {
  const entries: Record<string, string> = {};
  const memo = new Map<string, { source: TextSource; hash: string }>();
  // Packages of one target repeat files (a server's and a client's validators and metadata, 16 MB of 32 at 1,000 tools): hash each text once.
  // (Parted texts, the validators modules, share their parts instead, and text-bytes.ts hashes each parts list once.)
  const byContents = new Map<string, string>();
  for (const f of files) {
    if (f.owner !== 'generated') continue;
    const known = hashMemo.get(f.path);
    const parts = partsOf(f);
    let hash = known && sameText(known.source, f) ? known.hash : parts ? undefined : byContents.get(f.contents);
    if (hash === undefined) {
      hash = hashOfText(f.path, f);
      if (!parts) byContents.set(f.contents, hash);
    }
    memo.set(f.path, { source: f, hash });
    entries[f.path] = hash;
  }
  previousHashMemo = hashMemo;
  hashMemo = memo;
  const current = files.filter((f) => f.owner === 'user').map((f) => f.path);
  const userFiles = [...new Set([...current, ...keptUserFiles])].sort();
  const orphanedUserFiles = [...new Set(keptUserFiles)].sort();
  const index: OutputIndex = {
    generator: 'mcpgen',
    files: Object.freeze(entries),
    ...(userFiles.length ? { userFiles: Object.freeze(userFiles) as string[] } : {}),
    ...(orphanedUserFiles.length ? { orphanedUserFiles: Object.freeze(orphanedUserFiles) as string[] } : {}),
  };
  const contents = JSON.stringify(index, null, 2) + '\n';
  lastBuilt = { contents, index: Object.freeze(index) };
  return { path: INDEX_PATH, contents, owner: 'generated', formatted: true };
}
