/**
 * Generation scales linearly, checked by counting work rather than timing
 * it (issue 17): for manifests of n, 2n and 4n tools, every costly unit of
 * work (schema conversions to types, validator compilations, files written)
 * grows by the same amount per added tool, the spec is loaded a fixed number
 * of times, and the formatter never runs over the built-in emitters' output.
 * Quadratic work (per-tool rescans) or repeated compilation would break the
 * equalities below whatever the machine's speed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { resetWorkCounts, workCounts, type WorkKind } from '../../generator/pipeline/work-counts.js';
import { benchTools } from '../../bench/server/bench-manifest.js';
import { tempDir } from '../helpers/paths.js';

async function countsFor(tools: number): Promise<Record<WorkKind, number>> {
  const dir = tempDir('mcpgen-work-');
  // Tool names carry the size, so nothing is reused from the previous run's in-process memo.
  const list = benchTools(tools).map((t) => ({ ...t, name: t.name.replace('tool_', `n${tools}_tool_`) }));
  const manifest = join(dir, 'mcp.json');
  writeFileSync(manifest, JSON.stringify({ server: { name: `work-${tools}`, version: '1.0.0' }, tools: list }));
  mkdirSync(join(dir, 'out'));
  resetWorkCounts();
  const result = await generate({ manifests: [manifest], revision: '2025-11-25', emit: ['server', 'client', 'docs'], out: join(dir, 'out'), cwd: dir, offline: true });
  expect(result.exitCode, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(0);
  return workCounts();
}

describe('generation work grows linearly with the number of tools', () => {
  it('counts per added tool are constant (n, 2n, 4n), the spec loads a fixed number of times, the formatter never runs', async () => {
    const n = 8;
    const [a, b, c] = [await countsFor(n), await countsFor(2 * n), await countsFor(4 * n)];
    for (const kind of ['types-converted', 'validators-compiled', 'files-written'] as const) {
      // Linear: the same increment per tool between sizes, and a positive one.
      const perTool = (b[kind] - a[kind]) / n;
      expect(perTool, kind).toBeGreaterThan(0);
      expect((c[kind] - b[kind]) / (2 * n), kind).toBe(perTool);
    }
    // Each tool: its input type twice (handler and caller view), its output type when it has one (every other tool).
    expect(b['types-converted'] - a['types-converted']).toBe(2 * n + n / 2);
    // Each tool: its input validator, and the output one when it has an output schema.
    expect(b['validators-compiled'] - a['validators-compiled']).toBe(n + n / 2);
    expect(new Set([a['specs-loaded'], b['specs-loaded'], c['specs-loaded']]).size).toBe(1);
    expect([a, b, c].map((x) => x['formatter-passes'])).toEqual([0, 0, 0]);
    // The server and the client write the same metadata.ts: its tool table is laid out once a run, an entry per tool.
    expect([a, b, c].map((x) => x['tool-table-entries-laid-out'])).toEqual([n, 2 * n, 4 * n]);
    // Into an empty folder: no file's folder exists yet, so none of them is stat-ed to learn it is missing; only the
    // output index is (.mcpgen/ exists: it holds the run's lock).
    expect([a, b, c].map((x) => x['outputs-statted'])).toEqual([1, 1, 1]);
    // Every bench schema is compiled by mcpgen's own validator compiler, none by Ajv.
    expect([a, b, c].map((x) => x['validators-via-ajv'])).toEqual([0, 0, 0]);
  }, 120_000);
});
