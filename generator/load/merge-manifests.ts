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

const SINGLE_SECTIONS = ['revision', 'server', 'instructions', 'auth'] as const;

export function mergeManifests(
  parts: ManifestPart[],
  diagnostics: Diagnostic[],
): { manifest: Manifest; sourceMap: SourceMap } {
  const manifest: Manifest = { tools: [], resources: [], resourceTemplates: [], prompts: [] };
  // One file: its positions are already where the merged manifest has them (no copy of a large map).
  const single = parts.length === 1;
  const sourceMap = single ? parts[0]!.sourceMap : new SourceMap();
  const setBy = new Map<string, ManifestPart>();

  for (const part of parts) {
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
        (manifest as unknown as Record<string, unknown>)[key] = value;
        if (!single) sourceMap.copyFrom(part.sourceMap, joinPointer('', key), joinPointer('', key));
      }
    }
    for (const section of ARRAY_SECTIONS) {
      const items = part.value[section];
      if (!Array.isArray(items)) continue;
      const target = manifest[section] as unknown[];
      if (!sourceMap.get(joinPointer('', section))) {
        const pos = part.sourceMap.get(joinPointer('', section));
        if (pos) sourceMap.set(joinPointer('', section), pos);
      }
      if (!single) sourceMap.copyArrayItems(part.sourceMap, joinPointer('', section), target.length);
      for (const item of items) target.push(item);
    }
  }
  return { manifest, sourceMap };
}
