/**
 * `npm run bench`: runs each benchmark module in turn. Add a module by adding
 * its import to BENCHES; each exports `run(): Promise<void>` and prints its
 * own table.
 */
const BENCHES: { name: string; load: () => Promise<{ run: () => Promise<void> }> }[] = [
  { name: 'protocol', load: () => import('./protocol-bench.js') },
];

for (const bench of BENCHES) {
  console.log(`\n== ${bench.name}`);
  const started = performance.now();
  await (await bench.load()).run();
  console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
