/**
 * `npm run bench`: every benchmark, in order. Each module exports
 * `run(): Promise<void>` and prints its own table of figures and ratios
 * against a baseline measured in the same run. BENCH_ONLY=name runs one
 * (startup, lint, protocol, server, http).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../generator/package-root.js';

const BENCHES: { name: string; load: () => Promise<{ run(): Promise<unknown> }> }[] = [
  { name: 'startup', load: () => import('./startup-bench.js') },
  { name: 'lint', load: () => import('./lint-bench.js') },
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

const only = process.env.BENCH_ONLY;
console.log(`mcpgen benchmarks on Node ${process.version}, ${process.platform}/${process.arch}`);
for (const bench of BENCHES) {
  if (only && bench.name !== only) continue;
  console.log(`\n== ${bench.name}`);
  const started = performance.now();
  await (await bench.load()).run();
  console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
