/**
 * The stages every manifest command shares: load the manifests, pick the
 * target revision, load its spec, build the IR and run the lint rules.
 */
import { McpgenError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildIr } from '../ir/build-ir.js';
import type { IR } from '../ir/model.js';
import { loadManifest, type LoadedManifest } from '../load/load-manifest.js';
import { runLintRules } from '../lint/run-lint.js';
import type { LintProfile } from '../lint/rule.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import { defaultRevision, findRevision } from '../spec/revisions.js';
import type { SpecSourceOptions } from '../spec/spec-dirs.js';
import { reuseUnchangedItems } from './reuse-unchanged.js';

export interface PrepareOptions extends SpecSourceOptions {
  /** Manifest files, merged in order. */
  manifests: string[];
  /** Target revision; default: the manifest's `revision`, else the newest final one mcpgen defaults to. */
  revision?: string;
  profile?: LintProfile;
  cwd?: string;
  /** Largest manifest or $ref file read, in bytes (`--max-input-size`). */
  maxInputBytes?: number;
  /** Extra folders file `$ref`s may point into (absolute; the config's `refRoots`). */
  refRoots?: string[];
  /**
   * Only the diagnostics are wanted (lint): the IR the rules read is built
   * without identifiers and type names, and is not returned.
   */
  diagnosticsOnly?: boolean;
}

export interface Prepared {
  loaded: LoadedManifest;
  spec?: LoadedSpec;
  ir?: IR;
  /** Load, spec and lint diagnostics together. */
  diagnostics: Diagnostic[];
  /** The manifests could not be used at all (unreadable, broken syntax, bad $ref): exit 2, not 1. */
  inputError: boolean;
}

/**
 * Never throws for bad manifests: everything is in `diagnostics`. Throws
 * McpgenError only when the spec cannot be used (missing, tampered, unknown
 * revision), since nothing can be checked then.
 */
export function prepare(options: PrepareOptions): Prepared {
  const loaded = loadManifest(options.manifests, { cwd: options.cwd, maxInputBytes: options.maxInputBytes, refRoots: options.refRoots });
  const diagnostics = [...loaded.diagnostics];
  if (hasErrors(diagnostics)) return { loaded, diagnostics, inputError: true };
  reuseUnchangedItems(loaded.manifest);

  const revision = options.revision ?? loaded.manifest.revision ?? defaultRevision();
  if (!options.revision && loaded.manifest.revision !== undefined && !findRevision(revision)) {
    throw new McpgenError({
      code: 'spec/unknown-revision',
      severity: 'error',
      message: `Unknown MCP revision "${revision}" in the manifest.`,
      hint: 'Run `mcpgen spec list` to see the known revisions.',
      location: loaded.sourceMap.locate('/revision'),
    });
  }
  const spec = loadSpec(revision, options);
  diagnostics.push(...spec.warnings);
  const ir = buildIr(loaded, spec, {
    // An unknown revision is lint's to report; a known one must load.
    otherSpec: (r) => (findRevision(r) ? loadSpec(r, options) : undefined),
    names: !options.diagnosticsOnly,
  });
  diagnostics.push(...runLintRules(loaded, spec, ir, { profile: options.profile, specSource: options }));
  return options.diagnosticsOnly ? { loaded, spec, diagnostics, inputError: false } : { loaded, spec, ir, diagnostics, inputError: false };
}
