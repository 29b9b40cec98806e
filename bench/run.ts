/** `npm run bench`: runs every bench module in turn. */
import { run as lintBench } from './lint-bench.js';

const benches: { name: string; run: () => Promise<unknown> }[] = [{ name: 'lint', run: lintBench }];

for (const bench of benches) await bench.run();
