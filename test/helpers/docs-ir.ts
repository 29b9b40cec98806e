/** The IR of a manifest given as data (or as a file), for emitter tests that need no lint pass. */
import { join } from 'node:path';
import { buildIr } from '../../generator/ir/build-ir.js';
import type { IR } from '../../generator/ir/model.js';
import { loadManifest } from '../../generator/load/load-manifest.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { writeFiles } from './write-files.js';

export function irOf(manifest: object | string, revision = '2025-11-25'): IR {
  const file = typeof manifest === 'string' ? manifest : join(writeFiles({ 'mcp.json': JSON.stringify(manifest) }), 'mcp.json');
  const loaded = loadManifest(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  return buildIr(loaded, loadSpec(revision));
}
