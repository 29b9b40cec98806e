/**
 * `mcpgen spec list` and `mcpgen spec verify`: where each revision's schema
 * was found and whether it matches its pin.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pinStatus, sha256Hex, type PinStatus } from './load-spec.js';
import { listRevisions, type RevisionInfo } from './revisions.js';
import { locateSchema, schemaPathIn, specDirCandidates, type SpecOrigin, type SpecSourceOptions } from './spec-dirs.js';

export interface SpecStatus {
  revision: RevisionInfo;
  /** Where the schema that would be used was found, or null when missing. */
  path: string | null;
  origin: SpecOrigin | null;
  sha256: string | null;
  pin: PinStatus | 'missing';
}

export function specStatus(options: SpecSourceOptions = {}): SpecStatus[] {
  return listRevisions().map((revision) => {
    const found = locateSchema(revision.id, options);
    if (!found) return { revision, path: null, origin: null, sha256: null, pin: 'missing' as const };
    const sha256 = sha256Hex(readFileSync(found.path));
    return { revision, path: found.path, origin: found.origin, sha256, pin: pinStatus(revision, sha256) };
  });
}

/**
 * Checks every schema file in every searched spec directory (not only the
 * first match, so a bad file further down the search order is caught before
 * it is ever used). Returns one error per mismatching file.
 */
export function verifySpecs(options: SpecSourceOptions = {}): { checked: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let checked = 0;
  for (const { dir } of specDirCandidates(options)) {
    for (const revision of listRevisions()) {
      const path = schemaPathIn(dir, revision.id);
      if (!existsSync(path)) continue;
      checked++;
      const sha256 = sha256Hex(readFileSync(path));
      if (pinStatus(revision, sha256) === 'mismatch') {
        diagnostics.push({
          code: 'spec/hash-mismatch',
          severity: 'error',
          message: `${path} does not match the pinned hash of revision ${revision.id} (sha256 ${sha256}, expected ${revision.sha256}).`,
          hint: `Run \`mcpgen spec pull ${revision.id}\` to fetch the official file.`,
          location: { file: path, line: 1, column: 1 },
        });
      }
    }
  }
  return { checked, diagnostics };
}
