/**
 * Every run checks each emitter's options against its options schema with
 * one shared Ajv instance, which caches compiled schemas by object. An
 * emitter without an options schema must be checked against the same object
 * on every run: a new literal per run made `generate --watch` compile it
 * again after every save (and keep each copy in Ajv's cache).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configAjv } from '../../generator/config/validate-config.js';
import { loadEmitterEntries } from '../../generator/emit/plugin-loader.js';

describe('options schemas of built-in emitters', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are the same objects on every run, so Ajv compiles each once', async () => {
    const compile = vi.spyOn(configAjv(), 'compile');
    const place = (suffix: string, message: string) => ({ code: 'usage/invalid' as const, severity: 'error' as const, message: `${suffix}: ${message}` });
    // Valid options of built-ins are cleared by lint's fast path: Ajv never compiles.
    for (let run = 0; run < 3; run++) {
      const loaded = await loadEmitterEntries({ entries: ['manifest', 'server'], baseDir: process.cwd(), place });
      expect(loaded.diagnostics).toEqual([]);
    }
    expect(compile).not.toHaveBeenCalled();
    // Invalid ones go to Ajv for its wording, always with the same schema object.
    for (let run = 0; run < 3; run++) {
      const loaded = await loadEmitterEntries({ entries: ['manifest', 'server'], options: { server: { nope: 1 } }, baseDir: process.cwd(), place });
      expect(loaded.diagnostics.map((d) => d.message)).toEqual(['/options/server/nope: unknown key "nope".']);
    }
    expect(compile).toHaveBeenCalledTimes(3);
    expect(new Set(compile.mock.calls.map(([schema]) => schema)).size).toBe(1);
  });
});
