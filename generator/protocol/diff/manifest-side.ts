/**
 * One side of `mcpgen diff OLD NEW`: a manifest file, or a live server (an
 * http(s) URL). A live server is turned into a manifest by an importer (the
 * client side's `mcpgen import`), so the comparison itself only ever sees a
 * loaded manifest (the CLI plugs in import/live-manifest.ts); without an
 * importer, a URL is a usage error that says so.
 */
import { existsSync } from 'node:fs';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { loadManifestOrThrow, type LoadedManifest } from '../../load/load-manifest.js';
import { findRevision } from '../../spec/revisions.js';

/** Turns a live server (URL, or `stdio:` and a command) into a loaded manifest. */
export type ManifestImporter = (target: string) => Promise<LoadedManifest>;

/** A live server: an http(s) URL, or `stdio:<command> <args>` started over stdio. */
export function isLiveTarget(arg: string): boolean {
  return /^https?:\/\//i.test(arg) || arg.startsWith('stdio:');
}

/**
 * Whether an argument names a manifest (an existing file, a .yaml/.yml/.json
 * path, or a server URL) rather than a revision; anything else is taken as a
 * revision id, so a typo gets the unknown-revision diagnostic.
 */
export function isManifestArg(arg: string): boolean {
  return isLiveTarget(arg) || /\.(ya?ml|json)$/i.test(arg) || (existsSync(arg) && findRevision(arg) === undefined);
}

export async function loadManifestSide(arg: string, importer?: ManifestImporter): Promise<LoadedManifest> {
  if (isLiveTarget(arg)) {
    if (importer) return importer(arg);
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: `Comparing with a live server (${arg}) needs \`mcpgen import\`, which this build does not have.`,
      hint: 'Save the server\'s tools/list result (or an imported manifest) to a file and compare with that file.',
    });
  }
  return loadManifestOrThrow(arg);
}
