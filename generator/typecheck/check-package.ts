/**
 * `mcpgen check` and `generate --typecheck`: builds the IR of the manifests
 * (for the item map) and typechecks the generated package in `out`.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { prepare, type PrepareOptions } from '../pipeline/prepare.js';
import { PackageItems } from './item-map.js';

export interface CheckPackageOptions extends PrepareOptions {
  out: string;
}

export interface CheckPackageResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** 0 compiles; 1 type errors (or lint errors); 2 unusable input or package. */
  exitCode: 0 | 1 | 2;
  filesChecked: number;
}

export async function checkPackage(options: CheckPackageOptions): Promise<CheckPackageResult> {
  const prepared = prepare(options);
  const sources = prepared.loaded.sources;
  if (hasErrors(prepared.diagnostics) || !prepared.ir) {
    return { diagnostics: prepared.diagnostics, sources, exitCode: prepared.inputError ? 2 : 1, filesChecked: 0 };
  }
  const { typecheckPackage } = await import('./typecheck-package.js');
  const result = await typecheckPackage({ packageDir: options.out, items: new PackageItems(prepared.ir, prepared.loaded.sourceMap), cwd: options.cwd });
  const exitCode = result.missingDependencies ? 2 : hasErrors(result.diagnostics) ? 1 : 0;
  return { diagnostics: result.diagnostics, sources, exitCode, filesChecked: result.filesChecked };
}
