/** Lints a manifest written inline in a test, and picks findings by code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { lint } from '../../generator/lint/lint.js';
import type { LintProfile } from '../../generator/lint/rule.js';
import { tempDir } from './paths.js';

/** Removes the leading newline and the common indentation, so line numbers count from the first line. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export interface LintManifestOptions {
  revision?: string;
  profile?: LintProfile;
  /** Extra files beside the manifest (for $ref), by relative path. */
  files?: Record<string, string>;
}

export function lintManifest(text: string, options: LintManifestOptions = {}): Diagnostic[] {
  const dir = tempDir('mcpgen-lint-');
  const file = join(dir, 'mcp.yaml');
  writeFileSync(file, dedent(text));
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), content);
  return lint({ manifests: [file], revision: options.revision, profile: options.profile, cwd: dir }).diagnostics;
}

/** `[severity, line, column]` of every finding with `code`, in output order. */
export function at(diagnostics: readonly Diagnostic[], code: string): [string, number, number][] {
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => [d.severity, d.location?.line ?? 0, d.location?.column ?? 0]);
}

export function messages(diagnostics: readonly Diagnostic[], code: string): string[] {
  return diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}
