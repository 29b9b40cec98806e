/**
 * SARIF 2.1.0 output (`--format sarif`), for code-scanning dashboards. One
 * run; `tool.driver.rules` lists every catalog code (title as short
 * description, cause as full description, fix as help) so that results can
 * point to their rule by `ruleIndex`. Locations use the display paths
 * (relative to the working directory) as relative URIs.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { CatalogEntry } from './catalog.js';
import { sortDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Every code with its catalog entry; severity when the code has a fixed one. */
  catalog: Record<string, CatalogEntry & { severity?: Severity }>;
  toolVersion: string;
  informationUri?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions): Record<string, unknown> {
  const codes = Object.keys(options.catalog).sort();
  for (const d of diagnostics) if (!codes.includes(d.code)) codes.push(d.code);
  const index = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => {
    const entry = options.catalog[code];
    return {
      id: code,
      shortDescription: { text: entry?.title ?? code },
      fullDescription: { text: entry?.cause ?? code },
      help: { text: entry?.fix ?? 'See the message.', markdown: entry ? `**Fix:** ${entry.fix}` : 'See the message.' },
      ...(entry?.severity ? { defaultConfiguration: { level: LEVEL[entry.severity] } } : {}),
    };
  });
  const results = sortDiagnostics(diagnostics).map((d) => {
    const loc = d.location;
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: d.hint ? `${d.message}\nFix: ${d.hint}` : d.message },
      ...(loc
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(loc.file) },
                  region: {
                    startLine: loc.line,
                    startColumn: loc.column,
                    ...(loc.endLine !== undefined ? { endLine: loc.endLine } : {}),
                    ...(loc.endColumn !== undefined ? { endColumn: loc.endColumn } : {}),
                  },
                },
              },
            ],
          }
        : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcpgen',
            version: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(diagnostics, options), null, 2) + '\n';
}

/** A display path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return 'file:///' + slashed.split('/').map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}
