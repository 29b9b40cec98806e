/** `--header K=V` arguments (import, diff against a live server) as a header record. */
import { McpgenError } from '../diagnostics/diagnostic.js';

export function headerArgs(list: readonly string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of list ?? []) {
    const eq = h.indexOf('=');
    if (eq <= 0) throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: `--header takes K=V, not ${JSON.stringify(h)}.` });
    headers[h.slice(0, eq).trim()] = h.slice(eq + 1);
  }
  return headers;
}
