/**
 * The seeded fuzzer with a fixed seed, as CI runs it (`npm run fuzz -- --count
 * 10000` runs more). Every invariant is asserted: no internal error, no hang,
 * every error located, every lint-clean manifest generates a server and a
 * client package that typecheck.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../fuzz/run.js';

const COUNT = Number(process.env.MCPGEN_FUZZ_COUNT ?? 200);

describe('manifest fuzzer (fixed seed)', () => {
  it(`keeps every invariant over ${COUNT} cases`, async () => {
    // Lint runs on every case; generate (and typecheck) on every 4th lint-clean one: tsc dominates its time.
    const figures = await fuzz({ count: COUNT, seed: 20261201, generateEvery: 4 });
    expect(figures.failures).toEqual([]);
    expect(figures.cases).toBe(COUNT);
    expect(figures.lintClean).toBeGreaterThan(0);
    expect(figures.generated).toBeGreaterThan(0);
    expect(figures.typechecked).toBe(figures.generated);
  }, 600_000);
});
