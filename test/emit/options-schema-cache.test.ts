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
    for (let run = 0; run < 3; run++) {
      const loaded = await loadEmitterEntries({ entries: ['manifest', 'server'], baseDir: process.cwd(), place });
      expect(loaded.diagnostics).toEqual([]);
    }
    expect(compile).toHaveBeenCalledTimes(6);
    expect(new Set(compile.mock.calls.map(([schema]) => schema)).size).toBe(1);
  });
});
