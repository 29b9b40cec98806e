/**
 * The machine-readable diagnostics shape (`--format json`). Documented in the
 * README and kept stable: `{ version: 1, diagnostics: [...], summary }` where
 * each diagnostic has `file`, `line`, `column` (1-based, or null when the
 * finding has no location), `severity`, `code`, `message` and `hint`.
 */
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';

export interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  endLine?: number;
  endColumn?: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint?: string;
}

export function toJsonReport(diagnostics: readonly Diagnostic[]): {
  version: 1;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
} {
  const c = countBySeverity(diagnostics);
  return {
    version: 1,
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
      file: d.location?.file ?? null,
      line: d.location?.line ?? null,
      column: d.location?.column ?? null,
      ...(d.location?.endLine !== undefined ? { endLine: d.location.endLine } : {}),
      ...(d.location?.endColumn !== undefined ? { endColumn: d.location.endColumn } : {}),
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
    })),
    summary: { errors: c.error, warnings: c.warning, infos: c.info },
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(toJsonReport(diagnostics), null, 2) + '\n';
}
