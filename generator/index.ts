/**
 * mcpgen's library API. The CLI is a thin layer over these functions.
 *
 * @example
 * import { lint, generate, loadSpec } from 'mcpgen';
 * const spec = loadSpec('2025-11-25');
 * const { diagnostics } = lint({ manifests: ['mcp.yaml'] });
 * const result = await generate({ config: 'mcpgen.config.ts' }); // every target; never throws for user errors
 */
export { generate, lint } from './api.js';
export type { LintOptions, LintResult } from './lint/lint.js';
export type { LintConfigOptions, LintConfigResult } from './lint/lint-config.js';
export type { GenerateOptions, GenerateResult, OutputMode } from './generate.js';
export { loadSpec, type LoadedSpec, type JsonSchema, type PinStatus } from './spec/load-spec.js';
export { listRevisions, findRevision, defaultRevision, type RevisionInfo, type Dialect } from './spec/revisions.js';
export { specStatus, verifySpecs, type SpecStatus } from './spec/spec-status.js';
export { pullSpecs, DEFAULT_SPEC_BASE_URL, type PullOptions, type PullResult } from './spec/pull-spec.js';
export { cacheDir, type SpecSourceOptions } from './spec/spec-dirs.js';
export { loadManifest, loadManifestOrThrow, type LoadedManifest } from './load/load-manifest.js';
export type { Manifest, ManifestTool, ManifestResource, ManifestResourceTemplate, ManifestPrompt, ManifestAuth } from './load/manifest-types.js';
export { buildIr } from './ir/build-ir.js';
export type * from './ir/model.js';
export type { Emitter, EmitContext, PackageDependencies } from './emit/emitter.js';
export type { ToolArtifacts, ToolTypeModules } from './pipeline/tool-artifacts.js';
export { emitContext } from './emit/emit-context.js';
export type { CompiledModule } from './emit/schema/compile-validators.js';
export { defineConfig, type McpgenConfig, type TargetConfig, type EmitEntry, type HooksConfig } from './config/config-types.js';
export type { BuildOptions, BuildResult, TargetResult } from './build.js';
export type { TargetOverrides } from './config/resolve-targets.js';
export type { OutputFile, FileOwner } from './output/file-map.js';
export { McpgenError, type Diagnostic, type Severity, type SourceLocation } from './diagnostics/diagnostic.js';
export { formatText } from './diagnostics/format-text.js';
export { formatJson, toJsonReport } from './diagnostics/format-json.js';
export {
  emitProtocol,
  renderProtocolFiles,
  PROTOCOL_OUTPUTS,
  type EmitProtocolOptions,
  type EmitProtocolResult,
  type ProtocolOutput,
} from './protocol/emit-protocol.js';
export { buildProtocolModel, type ProtocolModel, type MethodEntry } from './protocol/protocol-model.js';
export { diffRevisions, formatDiffMarkdown, type RevisionDiff, type DefinitionChange } from './protocol/diff/diff-specs.js';
export { diffDefinitions } from './protocol/diff/diff-revisions.js';
