/**
 * The `lint` library entry: the checks `mcpgen lint` runs and `generate` runs
 * first.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { prepare, type PrepareOptions } from '../pipeline/prepare.js';

export type LintOptions = PrepareOptions;

export interface LintResult {
  diagnostics: Diagnostic[];
  /** File texts by display path, for code frames. */
  sources: Map<string, string>;
  revision?: string;
  /** The manifests could not be used at all (unreadable, broken syntax, bad $ref). */
  inputError: boolean;
}

export function lint(options: LintOptions): LintResult {
  const prepared = prepare(options);
  return { diagnostics: prepared.diagnostics, sources: prepared.loaded.sources, revision: prepared.spec?.revision.id, inputError: prepared.inputError };
}
