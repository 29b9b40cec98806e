/**
 * `mcpgen protocol`: one revision's official schema → types.ts,
 * validators.js + validators.d.ts and reference.md + reference.html, written through the
 * shared write stage (header, prettier once, atomic writes, --check).
 */
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { emitOutput, type OutputMode } from '../output/emit-output.js';
import type { OutputFile } from '../output/file-map.js';
import type { PlannedFile } from '../output/plan-output.js';
import { packageVersion } from '../package-root.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import type { SpecSourceOptions } from '../spec/spec-dirs.js';
import { buildProtocolModel } from './protocol-model.js';

export const PROTOCOL_OUTPUTS = ['types', 'validators', 'docs'] as const;
export type ProtocolOutput = (typeof PROTOCOL_OUTPUTS)[number];

export interface EmitProtocolOptions extends SpecSourceOptions {
  revision: string;
  out: string;
  /** What to generate (default: all of types, validators, docs). */
  emit?: readonly string[];
  mode?: OutputMode;
  onProgress?: (message: string) => void;
}

export interface EmitProtocolResult {
  revision: string;
  plan: PlannedFile[];
  /** Load warnings, and in check mode one error per stale, missing or orphaned file. */
  diagnostics: Diagnostic[];
  /** 0 ok; 1 stale output in check mode. Input errors are thrown as McpgenError (exit 2). */
  exitCode: 0 | 1;
}

/** Validates `--emit` values; unknown ones are a usage error (exit 2). */
export function parseProtocolOutputs(emit: readonly string[] | undefined): ProtocolOutput[] {
  if (!emit || emit.length === 0) return [...PROTOCOL_OUTPUTS];
  const unknown = emit.filter((e) => !(PROTOCOL_OUTPUTS as readonly string[]).includes(e));
  if (unknown.length) {
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: `Unknown --emit value${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      hint: `protocol can emit: ${PROTOCOL_OUTPUTS.join(', ')}.`,
    });
  }
  return PROTOCOL_OUTPUTS.filter((o) => emit.includes(o));
}

/**
 * The files for one loaded revision, unformatted and without headers. Heavy
 * modules are imported here, lazily, only for the outputs asked for.
 */
export async function renderProtocolFiles(spec: LoadedSpec, outputs: readonly ProtocolOutput[]): Promise<OutputFile[]> {
  const model = buildProtocolModel(spec);
  const files: OutputFile[] = [];
  if (outputs.includes('types')) {
    const { renderTypes } = await import('./emit-types.js');
    files.push({ path: 'types.ts', contents: await renderTypes(model), owner: 'generated' });
  }
  if (outputs.includes('validators')) {
    const { renderValidators } = await import('./emit-validators.js');
    const { js, dts } = await renderValidators(model, spec.schema, spec.revision.dialect);
    // Ajv's code is machine-shaped already; prettier on it costs seconds per revision for no reader.
    files.push({ path: 'validators.js', contents: js, owner: 'generated', formatted: true });
    files.push({ path: 'validators.d.ts', contents: dts, owner: 'generated' });
  }
  if (outputs.includes('docs')) {
    const { renderDocsFiles } = await import('./docs/emit-docs.js');
    const { markdown, html } = await renderDocsFiles(model);
    // Not run through prettier: the templates already emit clean Markdown, and
    // unaligned tables keep regeneration diffs to the rows that changed
    // (prettier would re-pad a whole table for one longer cell, and it is
    // most of the generation time on a 240 KB document).
    files.push({ path: 'reference.md', contents: markdown, owner: 'generated', formatted: true });
    files.push({ path: 'reference.html', contents: html, owner: 'generated', formatted: true });
  }
  return files;
}

/** Generates (or checks) the protocol outputs of one revision into `out`. */
export async function emitProtocol(options: EmitProtocolOptions): Promise<EmitProtocolResult> {
  const progress = options.onProgress ?? (() => undefined);
  const outputs = parseProtocolOutputs(options.emit);
  const spec = loadSpec(options.revision, options);
  progress(`rendering ${outputs.join(', ')} for ${spec.revision.id}`);
  const files = await renderProtocolFiles(spec, outputs);
  const output = await emitOutput(files, {
    out: options.out,
    mode: options.mode ?? 'write',
    header: { version: packageVersion(), revision: spec.revision.id },
    onProgress: progress,
  });
  const diagnostics = [...spec.warnings, ...output.diagnostics];
  return {
    revision: spec.revision.id,
    plan: output.plan,
    diagnostics,
    exitCode: output.diagnostics.some((d) => d.severity === 'error') ? 1 : 0,
  };
}
