/**
 * A live server as a loaded manifest, for `mcpgen diff OLD URL`: captured
 * with the official client (as `mcpgen import` does), written as the manifest
 * import would write, then loaded like any manifest file, so the comparison
 * and its locations work on it unchanged. The temporary file is removed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifestOrThrow, type LoadedManifest } from '../load/load-manifest.js';
import { captureServer, type ServerSource } from './capture-server.js';
import { manifestYaml } from './manifest-document.js';
import { splitCommand } from './split-command.js';

/** How long connecting and listing may take, as for `mcpgen import`. */
const LIVE_TIMEOUT_MS = 30_000;

/** `target` is an http(s) URL (sent `headers`) or `stdio:<command> <args>` (split like `import --stdio`, no shell). */
export async function importLiveManifest(target: string, headers: Record<string, string> = {}): Promise<LoadedManifest> {
  const source: ServerSource = target.startsWith('stdio:') ? { kind: 'stdio', ...splitCommand(target.slice('stdio:'.length)) } : { kind: 'http', url: target, headers };
  const captured = await captureServer(source, LIVE_TIMEOUT_MS);
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-live-'));
  try {
    const file = join(dir, 'live-server.yaml');
    writeFileSync(file, manifestYaml(captured, { transport: source.kind }));
    return loadManifestOrThrow(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
