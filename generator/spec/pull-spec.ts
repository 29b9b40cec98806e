/**
 * `mcpgen spec pull`: downloads revision schemas from the specification
 * repository's raw files into the user cache. A file is written (atomically)
 * only when it arrived whole and matches its pin; anything else leaves the
 * cache as it was.
 */
import { McpgenError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { pinStatus, sha256Hex } from './load-spec.js';
import { listRevisions, requireRevision } from './revisions.js';
import { cacheDir, schemaPathIn } from './spec-dirs.js';

/** Raw files of the official specification repository; `<base>/<revision>/schema.json`. */
export const DEFAULT_SPEC_BASE_URL =
  'https://raw.githubusercontent.com/modelcontextprotocol/modelcontextprotocol/main/schema';

export interface PullOptions {
  /** Revisions to fetch (default: all). */
  revisions?: string[];
  /** Overrides MCPGEN_SPEC_BASE_URL and the default. */
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Where to write (default: the user cache). */
  targetDir?: string;
  /** Milliseconds per download, connection and body together (default 30000). */
  timeoutMs?: number;
  /** Largest accepted body in bytes (default 8 MB; official schemas are well under 1 MB). */
  maxBytes?: number;
  onProgress?: (message: string) => void;
}

export interface PullResult {
  written: { revision: string; path: string; sha256: string }[];
  diagnostics: Diagnostic[];
}

export async function pullSpecs(options: PullOptions = {}): Promise<PullResult> {
  const env = options.env ?? process.env;
  const ids = options.revisions?.length ? options.revisions : listRevisions().map((r) => r.id);
  const infos = ids.map((id) => requireRevision(id));
  const base = (options.baseUrl ?? env.MCPGEN_SPEC_BASE_URL ?? DEFAULT_SPEC_BASE_URL).replace(/\/+$/, '');
  const target = options.targetDir ?? cacheDir(env);
  const result: PullResult = { written: [], diagnostics: [] };

  for (const info of infos) {
    const url = `${base}/${info.id}/schema.json`;
    options.onProgress?.(`fetching ${info.id} from ${url}`);
    const fail = (why: string, code = 'spec/download-failed'): void => {
      result.diagnostics.push({
        code,
        severity: 'error',
        message: `${info.id}: ${why} (${url}). Nothing was written.`,
        hint:
          code === 'spec/hash-mismatch'
            ? 'The server did not serve the official file; check --base-url / MCPGEN_SPEC_BASE_URL.'
            : 'Check the network or --base-url; or place the file in a --spec-dir by hand.',
      });
    };
    let bytes: Buffer;
    const maxBytes = options.maxBytes ?? MAX_SCHEMA_BYTES;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        fail(`HTTP ${response.status} ${response.statusText}`.trim());
        continue;
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        fail(`the server announces ${declared} bytes, more than the limit of ${maxBytes}`, 'spec/too-large');
        continue;
      }
      const body = await readCapped(response, maxBytes);
      if (body === undefined) {
        fail(`the download exceeded the limit of ${maxBytes} bytes and was stopped`, 'spec/too-large');
        continue;
      }
      bytes = body;
    } catch (err) {
      fail(`download failed: ${describeFetchError(err, options.timeoutMs ?? 30_000)}`);
      continue;
    }
    const sha256 = sha256Hex(bytes);
    if (pinStatus(info, sha256) === 'mismatch') {
      fail(`downloaded file has sha256 ${sha256}, but the pin is ${info.sha256}`, 'spec/hash-mismatch');
      continue;
    }
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      if (!parsed || typeof parsed[info.definitionsKey] !== 'object') throw new Error(`no "${info.definitionsKey}"`);
    } catch (err) {
      fail(`downloaded file is not an MCP schema: ${(err as Error).message}`, 'spec/invalid-json');
      continue;
    }
    const path = schemaPathIn(target, info.id);
    try {
      writeFileAtomic(path, bytes);
    } catch (err) {
      throw new McpgenError({
        code: 'output/write-failed',
        severity: 'error',
        message: `Cannot write ${path}: ${(err as Error).message}`,
      });
    }
    result.written.push({ revision: info.id, path, sha256 });
    options.onProgress?.(`wrote ${path}`);
  }
  return result;
}

/** Official schemas are well under 1 MB; anything far larger is not one. */
export const MAX_SCHEMA_BYTES = 8 * 1024 * 1024;

/** Streams the body, stopping (and cancelling) once it passes `maxBytes`; undefined then. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { message?: string; code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no complete answer within ${timeoutMs / 1000} s (--timeout)`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message} (${cause})` : String(e?.message ?? err);
}
