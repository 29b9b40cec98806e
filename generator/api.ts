/**
 * The library's `generate` and `lint`: each takes either one explicit run
 * (`{ manifests, out, emit }` / `{ manifests }`) or a config (`{ config }`,
 * an object or a file path; or nothing, to use the config file in `cwd`).
 * None of them throws for a user's error: results carry diagnostics and an
 * exit code, so build scripts and bundler plug-ins can report them.
 */
import { build, type BuildOptions, type BuildResult } from './build.js';
import { generate as generateOne, type GenerateOptions, type GenerateResult } from './generate.js';
import { lint as lintOne, type LintOptions, type LintResult } from './lint/lint.js';
import { lintConfig, type LintConfigOptions, type LintConfigResult } from './lint/lint-config.js';

/**
 * Runs every target of a config (or one ad-hoc target) and returns what
 * changed.
 *
 * @example
 * const result = await generate({ config: 'mcpgen.config.ts', mode: 'check' });
 * if (result.exitCode !== 0) console.error(result.diagnostics);
 */
export function generate(options?: BuildOptions): Promise<BuildResult>;
/** Generates one output folder from explicit options. */
export function generate(options: GenerateOptions): Promise<GenerateResult>;
export function generate(options: BuildOptions | GenerateOptions = {}): Promise<BuildResult | GenerateResult> {
  return isSingleGenerate(options) ? generateOne(options) : build(options);
}

/** Lints every target's manifests of a config at each of its revisions. */
export function lint(options?: LintConfigOptions): Promise<LintConfigResult>;
/** Lints explicit manifests (synchronous). */
export function lint(options: LintOptions): LintResult;
export function lint(options: LintConfigOptions | LintOptions = {}): Promise<LintConfigResult> | LintResult {
  return 'manifests' in options && Array.isArray(options.manifests) ? lintOne(options as LintOptions) : lintConfig(options as LintConfigOptions);
}

function isSingleGenerate(options: BuildOptions | GenerateOptions): options is GenerateOptions {
  return 'out' in options && 'manifests' in options && 'emit' in options;
}
