/**
 * The lint rule contract. A rule reads the loaded manifest (with positions),
 * the target revision's spec and the IR, and reports findings by JSON Pointer;
 * the runner turns pointers into `file:line:col`. Each rule documents its
 * codes so that `mcpgen lint --explain CODE` and the docs page stay complete.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { CatalogEntry } from '../diagnostics/catalog.js';
import type { IR } from '../ir/model.js';
import type { LoadedManifest } from '../load/load-manifest.js';
import type { LoadedSpec } from '../spec/load-spec.js';

export type LintProfile = 'spec' | 'strict';

export interface LintContext {
  loaded: LoadedManifest;
  spec: LoadedSpec;
  ir: IR;
  profile: LintProfile;
  /** Loads another revision's spec when available (for "added in" messages); undefined when missing. */
  otherSpec(revision: string): LoadedSpec | undefined;
}

export interface Finding {
  code: string;
  /** Defaults to the code's catalog severity. */
  severity?: Severity;
  message: string;
  hint?: string;
  /** JSON Pointer into the merged manifest. */
  pointer: string;
  /** Point at the key rather than the value. */
  atKey?: boolean;
}

export interface RuleCode extends CatalogEntry {
  severity: Severity;
}

export interface LintRule {
  /** Short id, used in docs. */
  id: string;
  codes: Record<string, RuleCode>;
  check(context: LintContext): Finding[];
}
