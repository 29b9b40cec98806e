/** `mcpgen diff OLD.yaml NEW.yaml`: the breaking-change report between two manifests. */
import type { LoadedManifest } from '../../load/load-manifest.js';
import { diffManifests } from '../../protocol/diff/manifest-diff.js';
import {
  formatManifestDiffJson,
  formatManifestDiffMarkdown,
  formatManifestDiffText,
  type LocatedManifestDiff,
} from '../../protocol/diff/format-manifest-diff.js';
import { isLiveTarget, loadManifestSide, type ManifestImporter } from '../../protocol/diff/manifest-side.js';
import type { SourceLocation } from '../../diagnostics/diagnostic.js';
import type { CliIo } from '../io.js';
import type { DiffArgs } from './diff-command.js';

const LEVEL = { breaking: 0, compatible: 1, patch: 2 } as const;

function label(loaded: LoadedManifest, arg: string): string {
  return isLiveTarget(arg) ? arg : (loaded.files[0] ?? arg);
}

/** A live server's side is located by its URL (its manifest was a temporary file). */
function locate(loaded: LoadedManifest, arg: string, pointer: string): SourceLocation | undefined {
  const at = loaded.sourceMap.locate(pointer, { key: true });
  return at && isLiveTarget(arg) ? { ...at, file: arg } : at;
}

/** Compares two manifests; `importer` turns a server URL into a manifest (see manifest-side.ts). */
export async function runManifestDiff(args: DiffArgs, io: CliIo, importer?: ManifestImporter): Promise<number> {
  const [before, after] = [await loadManifestSide(args.from, importer), await loadManifestSide(args.to, importer)];
  const diff = diffManifests(before.manifest, after.manifest);
  const located: LocatedManifestDiff = {
    ...diff,
    old: label(before, args.from),
    new: label(after, args.to),
    changes: diff.changes.map((c) => ({
      ...c,
      ...(c.oldPointer !== undefined ? { oldLocation: locate(before, args.from, c.oldPointer) } : {}),
      ...(c.newPointer !== undefined ? { newLocation: locate(after, args.to, c.newPointer) } : {}),
    })),
  };
  const format = args.format ?? 'text';
  io.out(format === 'json' ? formatManifestDiffJson(located) : format === 'md' ? formatManifestDiffMarkdown(located) : formatManifestDiffText(located));
  const failOn = args['fail-on'];
  if (!failOn) return 0;
  return diff.changes.some((c) => LEVEL[c.compat] <= LEVEL[failOn]) ? 1 : 0;
}
