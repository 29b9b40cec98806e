/**
 * The IR shares the manifest's data instead of copying it, so no later stage
 * may mutate it. Deep-freezing the loaded manifest makes any mutation by lint
 * rules or any registered emitter throw (modules run in strict mode).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../generator/ir/build-ir.js';
import { loadManifestOrThrow } from '../../generator/load/load-manifest.js';
import { runLintRules } from '../../generator/lint/run-lint.js';
import { emitterNames, loadBuiltinEmitter } from '../../generator/emit/registry.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { samplesDir } from '../helpers/paths.js';
import { emitContext } from '../../generator/emit/emit-context.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('IR is read-only downstream', () => {
  for (const revision of ['2025-06-18', '2025-11-25', '2026-07-28']) {
    it(`lint rules and every emitter leave a frozen manifest alone (${revision})`, async () => {
      const loaded = loadManifestOrThrow(join(samplesDir, 'weather', 'mcp.yaml'));
      deepFreeze(loaded.manifest);
      const spec = loadSpec(revision);
      const ir = deepFreeze(buildIr(loaded, spec));
      expect(() => runLintRules(loaded, spec, ir)).not.toThrow();
      for (const emitter of await Promise.all(emitterNames().map(loadBuiltinEmitter))) {
        await expect(Promise.resolve().then(() => emitter.emit(emitContext({ ir, spec, generatorVersion: 'test' }))), emitter.name).resolves.toBeDefined();
      }
    });
  }
});
