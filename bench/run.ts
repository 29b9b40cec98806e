/**
 * `npm run bench`: every benchmark, in order. Each module exports
 * `run(): Promise<void>`, prints its own tables of figures and ratios
 * against a baseline measured in the same run, and records its headline
 * figures (figures.ts). At the end the recorded figures are printed as one
 * table; `npm run bench -- --write-docs` also writes them to
 * docs/performance.md. BENCH_ONLY=name[,name] runs some (startup, lint,
 * generate, validators, protocol, server, http, docs, typecheck, build,
 * client).
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../generator/package-root.js';
import { figuresTable, recordedFigures } from './figures.js';

const BENCHES: { name: string; load: () => Promise<{ run(): Promise<unknown> }> }[] = [
  { name: 'startup', load: () => import('./startup-bench.js') },
  { name: 'lint', load: () => import('./lint-bench.js') },
  { name: 'generate', load: () => import('./generate-bench.js') },
  { name: 'validators', load: () => import('./validator-bench.js') },
  { name: 'protocol', load: () => import('./protocol-bench.js') },
  { name: 'server', load: () => import('./server-bench.js') },
  { name: 'http', load: () => import('./server-http-bench.js') },
  { name: 'docs', load: () => import('./docs-bench.js') },
  { name: 'typecheck', load: () => import('./typecheck-bench.js') },
  { name: 'build', load: () => import('./build-bench.js') },
  { name: 'client', load: () => import('./client-bench.js') },
];

// Like the tests: the official schemas beside the repository, unless
// MCPGEN_SPEC_DIR (or the cache) provides them. Child processes inherit it.
const shared = resolve(packageRoot(), '..', 'shared', 'mcp-spec');
if (!process.env.MCPGEN_SPEC_DIR && existsSync(shared)) process.env.MCPGEN_SPEC_DIR = shared;

const only = process.env.BENCH_ONLY?.split(',');
const failed: string[] = [];
const writeDocs = process.argv.includes('--write-docs');
const machine = `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
console.log(`mcpgen benchmarks on ${machine}`);
for (const bench of BENCHES) {
  if (only && !only.includes(bench.name)) continue;
  console.log(`\n== ${bench.name}`);
  const started = performance.now();
  try {
    await (await bench.load()).run();
  } catch (err) {
    // One broken bench must not hide the others' figures; the run still fails at the end.
    failed.push(bench.name);
    console.log(`bench ${bench.name} FAILED: ${(err as Error).stack ?? String(err)}`);
  }
  console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const figures = recordedFigures();
console.log(`\n== summary: every recorded figure beside its same-run baseline\n\n${figuresTable(figures)}`);
if (writeDocs) {
  const doc = `# Performance

Figures from \`npm run bench -- --write-docs\` on ${machine}, ${new Date().toISOString().slice(0, 10)}${only ? ` (benches: ${only.join(', ')})` : ''}.
Every figure stands beside a baseline measured in the same run (machines are
noisy; the ratio is the figure to compare). Regenerate this page with
\`npm run bench -- --write-docs\`; run one bench with \`BENCH_ONLY=name npm run bench\`.

${figuresTable(figures)}
`;
  const target = join(packageRoot(), 'docs', 'performance.md');
  writeFileSync(`${target}.tmp`, doc);
  renameSync(`${target}.tmp`, target);
  console.log(`\nwrote ${target}`);
}

if (failed.length) {
  console.log(`\nfailed benches: ${failed.join(', ')}`);
  process.exitCode = 1;
}
