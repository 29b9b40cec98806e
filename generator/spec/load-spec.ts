/**
 * Loads one revision's official schema, checking it against its pin. This is
 * the only way the rest of mcpgen obtains a spec: every command that needs a
 * revision fails here, with a clear message, when the file is missing or was
 * tampered with.
 */
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { requireRevision, type RevisionInfo } from './revisions.js';
import { locateSchema, specDirCandidates, type SpecOrigin, type SpecSourceOptions } from './spec-dirs.js';
import { countWork } from '../pipeline/work-counts.js';
import { readSpecFile } from './spec-hash-memo.js';
import { sha256OfText } from '../output/text-bytes.js';

export type JsonSchema = Record<string, unknown>;

export type PinStatus = 'match' | 'mismatch' | 'unpinned';

export interface LoadedSpec {
  revision: RevisionInfo;
  path: string;
  origin: SpecOrigin;
  sha256: string;
  pin: PinStatus;
  /** The whole schema document, as parsed. Treat as read-only. */
  schema: JsonSchema;
  /** `definitions` or `$defs`, by definition name. */
  definitions: Record<string, JsonSchema>;
  /** Warnings raised while loading (an accepted unpinned file). */
  warnings: Diagnostic[];
}

/** A string is hashed as its UTF-8 bytes, through a reused buffer (output/text-bytes.ts). */
export function sha256Hex(data: Buffer | string): string {
  return sha256OfText(data);
}

export function pinStatus(revision: RevisionInfo, sha256: string): PinStatus {
  if (revision.sha256 === null) return 'unpinned';
  return revision.sha256 === sha256 ? 'match' : 'mismatch';
}

const memo = new Map<string, LoadedSpec>();

/** A spec lookup of this process: the file found (null: none) and its hash when read. */
export interface SpecRead {
  revision: string;
  path: string | null;
  sha256?: string;
  /** Date.now() just before the file was read. */
  readAt: number;
}

const reads = new Map<string, SpecRead>();

/**
 * Every spec lookup of this process (latest per revision and file), so that
 * the no-op stamp (output/run-stamp.ts) can check later that each still finds
 * the same file, unchanged, or still finds none.
 */
export function specReads(): SpecRead[] {
  return [...reads.values()];
}

/**
 * Loads `revision` from the first spec directory that has it.
 * @throws McpgenError `spec/unknown-revision`, `spec/missing`, `spec/hash-mismatch`, `spec/invalid-json`
 */
export function loadSpec(revision: string, options: SpecSourceOptions = {}): LoadedSpec {
  countWork('specs-loaded');
  const info = requireRevision(revision);
  const readAt = Date.now();
  const found = locateSchema(revision, options);
  if (!found) {
    reads.set(`${revision}\0`, { revision, path: null, readAt });
    const searched = specDirCandidates(options)
      .map((c) => `${c.dir} (${c.origin})`)
      .join(', ');
    throw new McpgenError({
      code: 'spec/missing',
      severity: 'error',
      message: `The schema for MCP revision ${revision} was not found. Searched: ${searched}.`,
      hint: `Run \`mcpgen spec pull ${revision}\` to download it, or pass --spec-dir DIR (a folder holding ${revision}/schema.json).`,
    });
  }

  // The hash checks the file against its pin; it is remembered by the file's metadata (spec-hash-memo.ts).
  const { bytes, sha256 } = readSpecFile(found.path, options.env);
  reads.set(`${revision}\0${found.path}`, { revision, path: found.path, sha256, readAt });
  const key = `${found.path}\0${sha256}\0${options.allowUnpinned ? 1 : 0}`;
  const cached = memo.get(key);
  if (cached) return cached;

  const pin = pinStatus(info, sha256);
  const warnings: Diagnostic[] = [];
  if (pin === 'mismatch') {
    const diag: Diagnostic = {
      code: 'spec/hash-mismatch',
      severity: options.allowUnpinned ? 'warning' : 'error',
      message: `${found.path} does not match the pinned hash of revision ${revision} (sha256 ${sha256}, expected ${info.sha256}).`,
      hint: `Run \`mcpgen spec pull ${revision}\` to fetch the official file${options.allowUnpinned ? '' : ', or pass --allow-unpinned to use this one anyway'}.`,
      location: { file: found.path, line: 1, column: 1 },
    };
    if (!options.allowUnpinned) throw new McpgenError(diag);
    warnings.push(diag);
  }

  let schema: JsonSchema;
  try {
    schema = JSON.parse(bytes.toString('utf8')) as JsonSchema;
  } catch (err) {
    throw new McpgenError({
      code: 'spec/invalid-json',
      severity: 'error',
      message: `${found.path} is not valid JSON: ${(err as Error).message}`,
      hint: `Run \`mcpgen spec pull ${revision}\` to fetch it again.`,
      location: { file: found.path, line: 1, column: 1 },
    });
  }
  const definitions = schema?.[info.definitionsKey];
  if (!definitions || typeof definitions !== 'object') {
    throw new McpgenError({
      code: 'spec/invalid-json',
      severity: 'error',
      message: `${found.path} has no "${info.definitionsKey}" section; it is not an MCP schema for ${revision}.`,
      location: { file: found.path, line: 1, column: 1 },
    });
  }
  const loaded: LoadedSpec = {
    revision: info,
    path: found.path,
    origin: found.origin,
    sha256,
    pin,
    schema,
    definitions: definitions as Record<string, JsonSchema>,
    warnings,
  };
  memo.set(key, loaded);
  return loaded;
}
