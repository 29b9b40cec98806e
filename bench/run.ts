/**
 * `npm run bench`: every benchmark, in order. Each module exports run().
 * Set BENCH_ONLY=name to run one (startup, ...).
 */
const benches: { name: string; load: () => Promise<{ run(): Promise<void> }> }[] = [
  { name: 'startup', load: () => import('./startup-bench.js') },
  { name: 'server', load: () => import('./server-bench.js') },
];

const only = process.env.BENCH_ONLY;
console.log(`mcpgen benchmarks on Node ${process.version}, ${process.platform}/${process.arch}`);
for (const bench of benches) {
  if (only && bench.name !== only) continue;
  await (await bench.load()).run();
}
