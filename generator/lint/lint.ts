/**
 * The `lint` library entry: the checks `mcpgen lint` runs and `generate` runs
 * first.
 */
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
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

/** Never throws for user errors: an unusable spec or manifest is in `diagnostics` with `inputError`. */
export function lint(options: LintOptions): LintResult {
  let prepared;
  try {
    prepared = prepare({ ...options, diagnosticsOnly: true });
  } catch (err) {
    if (err instanceof McpgenError) return { diagnostics: err.diagnostics, sources: new Map(), inputError: true };
    throw err;
  }
  return { diagnostics: prepared.diagnostics, sources: prepared.loaded.sources, revision: prepared.spec?.revision.id, inputError: prepared.inputError };
}
