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
import { captureServer } from './capture-server.js';
import { manifestYaml } from './manifest-document.js';

/** How long connecting and listing may take, as for `mcpgen import`. */
const LIVE_TIMEOUT_MS = 30_000;

export async function importLiveManifest(url: string, headers: Record<string, string> = {}): Promise<LoadedManifest> {
  const captured = await captureServer({ kind: 'http', url, headers }, LIVE_TIMEOUT_MS);
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-live-'));
  try {
    const file = join(dir, 'live-server.yaml');
    writeFileSync(file, manifestYaml(captured, { transport: 'http' }));
    return loadManifestOrThrow(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
