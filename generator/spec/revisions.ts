/**
 * The revision registry (`schema/revisions.json`): which MCP revisions exist,
 * their JSON Schema dialect, where their definitions live, and the sha256 pin
 * of each final revision's official schema file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpgenError } from '../diagnostics/diagnostic.js';
import { packageRoot } from '../package-root.js';

export type Dialect = 'draft-07' | '2020-12';

export interface RevisionInfo {
  id: string;
  status: 'final' | 'draft';
  dialect: Dialect;
  definitionsKey: 'definitions' | '$defs';
  /** Pinned sha256 of the official schema.json, or null (draft). */
  sha256: string | null;
}

interface RegistryFile {
  defaultRevision: string;
  revisions: RevisionInfo[];
}

let registry: RegistryFile | undefined;

function load(): RegistryFile {
  registry ??= JSON.parse(readFileSync(join(packageRoot(), 'schema', 'revisions.json'), 'utf8')) as RegistryFile;
  return registry;
}

/** All revisions, oldest first. */
export function listRevisions(): readonly RevisionInfo[] {
  return load().revisions;
}

export function defaultRevision(): string {
  return load().defaultRevision;
}

export function findRevision(id: string): RevisionInfo | undefined {
  return load().revisions.find((r) => r.id === id);
}

/** The revision's info, or a `spec/unknown-revision` error naming the known ones. */
export function requireRevision(id: string): RevisionInfo {
  const info = findRevision(id);
  if (info) return info;
  throw new McpgenError({
    code: 'spec/unknown-revision',
    severity: 'error',
    message: `Unknown MCP revision "${id}".`,
    hint: `Known revisions: ${listRevisions()
      .map((r) => r.id)
      .join(', ')}.`,
  });
}

/** Orders revision ids chronologically; `draft` sorts after every dated one. */
export function compareRevisions(a: string, b: string): number {
  const ids = listRevisions().map((r) => r.id);
  return ids.indexOf(a) - ids.indexOf(b);
}
