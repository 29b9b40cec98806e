/**
 * The one shape every finding takes, from YAML syntax errors to lint rules, so
 * that the text, JSON and SARIF formatters and the exit-code logic see a
 * single model.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in a user's file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic {
  /** Stable code from the catalog, e.g. `load/unknown-key`. */
  code: string;
  severity: Severity;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  location?: SourceLocation;
}

/**
 * Thrown by library functions when input cannot be used at all. The CLI turns
 * it into formatted diagnostics and an exit code instead of a stack trace.
 */
export class McpgenError extends Error {
  readonly diagnostics: Diagnostic[];
  /** 1: findings (stale output, lint errors). 2: usage or input error. */
  readonly exitCode: 1 | 2;

  /**
   * The manifest item the error concerns (JSON pointer, `/tools/3/outputSchema`),
   * when it is raised where no source map is at hand (emitters); the
   * pipeline turns it into a file:line:col location.
   */
  readonly pointer: string | undefined;

  constructor(diagnostics: Diagnostic[] | Diagnostic, exitCode: 1 | 2 = 2, pointer?: string) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('\n'));
    this.name = 'McpgenError';
    this.diagnostics = list;
    this.exitCode = exitCode;
    this.pointer = pointer;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Sorts by file, line, column, then code, so output order is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
