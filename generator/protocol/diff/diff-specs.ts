/** `diffRevisions`: loads two revisions (each checked against its pin) and diffs them. */
import { loadSpec } from '../../spec/load-spec.js';
import type { SpecSourceOptions } from '../../spec/spec-dirs.js';
import { diffDefinitions, type RevisionDiff } from './diff-revisions.js';

export type { RevisionDiff, DefinitionChange } from './diff-revisions.js';
export { formatDiffMarkdown } from './format-diff.js';

/**
 * Compares revision `from` with revision `to`.
 * @throws McpgenError from loadSpec for an unknown, missing or tampered revision
 */
export function diffRevisions(from: string, to: string, options: SpecSourceOptions = {}): RevisionDiff {
  const before = loadSpec(from, options);
  const after = loadSpec(to, options);
  return diffDefinitions(before.revision.id, after.revision.id, before.definitions, after.definitions);
}
