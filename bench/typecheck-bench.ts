/**
 * `mcpgen check` (the typecheck behind `generate --typecheck`) on the weather
 * sample and on a 1,000-tool manifest, next to `mcpgen generate` on the same
 * unchanged package (the cost without TypeScript), measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchManifest } from './lint-bench.js';
import { formatTable, interleave, median } from './measure.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'dist', 'generator', 'bin', 'mcpgen.cjs');

function prepare(dir: string, manifest: string): string {
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [cli, 'generate', '-m', manifest, '-e', 'manifest,server', '-o', out], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`generate failed for ${manifest}`);
  symlinkSync(join(repoRoot, 'node_modules'), join(out, 'node_modules'), 'dir');
  return out;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-bench-typecheck-'));
  try {
    cpSync(join(repoRoot, 'output-samples', 'weather', 'mcp.yaml'), join(dir, 'mcp.yaml'));
    cpSync(join(repoRoot, 'output-samples', 'weather', 'schemas'), join(dir, 'schemas'), { recursive: true });
    const weather = prepare(dir, join(dir, 'mcp.yaml'));
    const bigDir = join(dir, 'big');
    mkdirSync(bigDir);
    writeFileSync(join(bigDir, 'big.json'), JSON.stringify({ ...benchManifest(1000), revision: '2025-11-25' }));
    const big = prepare(bigDir, join(bigDir, 'big.json'));
    const rows: (string | number)[][] = [];
    for (const [label, manifest, out, rounds] of [
      ['weather (3 tools)', join(dir, 'mcp.yaml'), weather, 3],
      ['bench (1,000 tools)', join(bigDir, 'big.json'), big, 1],
    ] as const) {
      const [gen, check] = interleave(
        [
          { label: 'generate', command: process.execPath, args: [cli, 'generate', '-m', manifest, '-e', 'manifest,server', '-o', out] },
          { label: 'check', command: process.execPath, args: [cli, 'check', '-m', manifest, '-o', out] },
        ],
        rounds,
      );
      const g = median(gen!.samples);
      const c = median(check!.samples);
      rows.push([label, Math.round(g), Math.round(c), (c / g).toFixed(2)]);
    }
    console.log(formatTable(['manifest', 'generate ms (no change)', 'check ms', 'check / generate'], rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
