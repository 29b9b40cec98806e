/**
 * Merges several manifest files (`--manifest a.yaml --manifest b.yaml`):
 * the arrays are concatenated in file order; single-valued sections
 * (revision, server, instructions, auth) may be set by several files only
 * when they agree.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from './json-pointer.js';
import { ARRAY_SECTIONS, type Manifest } from './manifest-types.js';
import { SourceMap } from './source-map.js';

export interface ManifestPart {
  file: string;
  value: Record<string, unknown>;
  sourceMap: SourceMap;
}

const SINGLE_SECTIONS = ['revision', 'server', 'instructions', 'auth', 'capabilities', 'compatibleRevisions', 'publish'] as const;

export function mergeManifests(
  parts: ManifestPart[],
  diagnostics: Diagnostic[],
): { manifest: Manifest; sourceMap: SourceMap } {
  const manifest: Manifest = { tools: [], resources: [], resourceTemplates: [], prompts: [] };
  // One file: its pointers are already the merged ones, so its map is reused as is.
  const single = parts.length === 1;
  const sourceMap = single ? parts[0]!.sourceMap : new SourceMap();
  const setBy = new Map<string, ManifestPart>();

  for (const part of parts) {
    /** Sections this part contributes, so its positions can be copied in one pass. */
    const taken = new Set<string>();
    const offsets = new Map<string, number>();
    for (const key of SINGLE_SECTIONS) {
      const value = part.value[key];
      if (value === undefined) continue;
      const earlier = setBy.get(key);
      if (earlier && !isDeepStrictEqual(earlier.value[key], value)) {
        diagnostics.push({
          code: 'load/merge-conflict',
          severity: 'error',
          message: `"${key}" is set differently in ${earlier.file} and ${part.file}.`,
          hint: `Declare "${key}" in one manifest only.`,
          location: part.sourceMap.locate(joinPointer('', key), { key: true }),
        });
        continue;
      }
      if (!earlier) {
        setBy.set(key, part);
        taken.add(key);
        (manifest as unknown as Record<string, unknown>)[key] = value;
      }
    }
    for (const section of ARRAY_SECTIONS) {
      const items = part.value[section];
      if (!Array.isArray(items)) continue;
      const target = manifest[section] as unknown[];
      offsets.set(section, target.length);
      // Only a merge copies positions (a single file's map is reused, and may not be computed yet).
      if (!single && !sourceMap.has(joinPointer('', section))) taken.add(section);
      target.push(...items);
    }
    if (single) continue;
    sourceMap.copyRenamed(part.sourceMap, (pointer) => {
      const slash = pointer.indexOf('/', 1);
      const head = slash < 0 ? pointer.slice(1) : pointer.slice(1, slash);
      const offset = offsets.get(head);
      if (offset !== undefined && slash >= 0) {
        // `/tools/3/...` of this part is `/tools/(offset + 3)/...` of the merge.
        const next = pointer.indexOf('/', slash + 1);
        const index = Number(next < 0 ? pointer.slice(slash + 1) : pointer.slice(slash + 1, next));
        return `/${head}/${offset + index}${next < 0 ? '' : pointer.slice(next)}`;
      }
      return taken.has(head) ? pointer : undefined;
    });
  }
  return { manifest, sourceMap };
}
