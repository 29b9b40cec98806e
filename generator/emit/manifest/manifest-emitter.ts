/**
 * `--emit manifest`: the manifest normalized for the target revision, as the
 * server will publish it (`tools/list`, `resources/list`, ... payloads). Fields
 * the revision lacks are left out. Useful on its own for review and diffing,
 * and the smallest emitter that exercises the whole pipeline.
 */
import type { Emitter } from '../emitter.js';
import { jsonLayoutParts } from '../shared/json-layout.js';
import { parted } from '../../output/parted-text.js';
import { jsonOf } from '../../pipeline/run-memos.js';

export const manifestEmitter: Emitter = {
  name: 'manifest',
  description: 'the manifest normalized for the target revision (manifest.json)',
  emit({ ir }) {
    const normalized = {
      revision: ir.revision.id,
      server: ir.server,
      ...(ir.instructions !== undefined ? { instructions: ir.instructions } : {}),
      tools: ir.tools.map((t) => t.wire),
      resources: ir.resources.map((r) => r.wire),
      resourceTemplates: ir.resourceTemplates.map((t) => t.wire),
      prompts: ir.prompts.map((p) => p.wire),
    };
    // Laid out as the formatter lays out JSON, so no formatter pass (a large manifest took a second).
    // Parted: hashed and written from its pieces (output/parted-text.ts), not joined into one 2 MB string at 1,000 tools.
    return [parted({ path: 'manifest.json', owner: 'generated' as const, formatted: true }, jsonLayoutParts(normalized, { memo: 'manifest.json', json: (v) => jsonOf(v) }))];
  },
};
