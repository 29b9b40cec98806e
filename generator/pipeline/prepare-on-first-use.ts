/**
 * `prepare`, fetching a missing pinned spec revision into the user cache on
 * first use (the same download and pin checks as `mcpgen spec pull`), unless
 * offline. The fetch is reported as an info diagnostic, so the user knows
 * where the file came from; a failed or mismatching download is an error
 * and writes nothing.
 */
import { McpgenError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadManifest } from '../load/load-manifest.js';
import { defaultRevision, findRevision } from '../spec/revisions.js';
import { prepare, type PrepareOptions, type Prepared } from './prepare.js';

export interface FirstUseOptions extends PrepareOptions {
  /** Never download (`--offline`). */
  offline?: boolean;
}

export async function prepareOnFirstUse(options: FirstUseOptions): Promise<{ prepared: Prepared; notes: Diagnostic[] }> {
  try {
    return { prepared: prepare(options), notes: [] };
  } catch (err) {
    if (!(err instanceof McpgenError) || err.diagnostics[0]?.code !== 'spec/missing') throw err;
    const revision = options.revision ?? loadManifest(options.manifests, { cwd: options.cwd }).manifest.revision ?? defaultRevision();
    const info = findRevision(revision);
    if (options.offline || !info || info.sha256 === null) {
      if (options.offline) {
        const [missing, ...rest] = err.diagnostics;
        throw new McpgenError([{ ...missing!, hint: `Offline: nothing is downloaded. Run \`mcpgen spec pull ${revision}\` when online, or pass --spec-dir DIR.` }, ...rest]);
      }
      throw err;
    }
    // Loaded only when a download is needed: a lint run with the spec at hand never pays for it.
    const { pullSpecs } = await import('../spec/pull-spec.js');
    const pulled = await pullSpecs({ revisions: [revision], ...(options.env ? { env: options.env } : {}), timeoutMs: 20_000 });
    if (hasErrors(pulled.diagnostics) || pulled.written.length === 0) throw new McpgenError([...err.diagnostics, ...pulled.diagnostics]);
    const written = pulled.written[0]!;
    const notes: Diagnostic[] = [
      {
        code: 'spec/fetched',
        severity: 'info',
        message: `The schema of MCP revision ${revision} was not found locally; fetched it into ${written.path} (sha256 matches its pin).`,
        hint: 'Pass --offline (or set "offline": true in the config) to forbid downloads.',
      },
    ];
    return { prepared: prepare(options), notes };
  }
}
