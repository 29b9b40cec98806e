/**
 * Runs every lint rule and turns findings into located diagnostics.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import type { SpecSourceOptions } from '../spec/spec-dirs.js';
import type { IR } from '../ir/model.js';
import type { LoadedManifest } from '../load/load-manifest.js';
import { rules } from './rules/index.js';
import type { LintContext, LintProfile, LintRule } from './rule.js';
import { withSchemaIndexes } from './checks/schema-index.js';

export function runLintRules(
  loaded: LoadedManifest,
  spec: LoadedSpec,
  ir: IR,
  options: { profile?: LintProfile; specSource?: SpecSourceOptions } = {},
): Diagnostic[] {
  const others = new Map<string, LoadedSpec | undefined>();
  const context: LintContext = {
    loaded,
    spec,
    ir,
    profile: options.profile ?? 'spec',
    otherSpec(revision) {
      if (!others.has(revision)) {
        try {
          others.set(revision, loadSpec(revision, { ...options.specSource, allowUnpinned: true }));
        } catch {
          others.set(revision, undefined);
        }
      }
      return others.get(revision);
    },
  };
  const out: Diagnostic[] = [];
  // Rules that look at the same tool schema share one index of it (checks/schema-index.ts).
  withSchemaIndexes(() => runRules(context, loaded, out));
  return out;
}

function runRules(context: LintContext, loaded: LoadedManifest, out: Diagnostic[]): void {
  for (const rule of rules) {
    for (const f of rule.check(context)) {
      const code = rule.codes[f.code];
      out.push({
        code: f.code,
        severity: f.severity ?? code?.severity ?? 'error',
        message: f.message,
        hint: f.hint ?? code?.fix,
        location: loaded.sourceMap.locate(f.pointer, { key: f.atKey }),
      });
    }
  }
}

/** Every code with its catalog entry, for `--explain` and the docs page. */
export function lintCatalog(): Record<string, LintRule['codes'][string]> {
  const all: Record<string, LintRule['codes'][string]> = {};
  for (const rule of rules) Object.assign(all, rule.codes);
  return all;
}
