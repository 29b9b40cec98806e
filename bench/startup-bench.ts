/**
 * Cold start: `mcpgen --help` and `mcpgen spec list` beside `node -e 0`,
 * measured in the same run. Target: --help within 2x node -e 0.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, interleave, median, ms, ratio } from './measure.js';

const bin = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'generator', 'cli', 'bin.js');

export async function run(): Promise<void> {
  const node = process.execPath;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
  const results = interleave(
    [
      { label: 'node -e 0', command: node, args: ['-e', '0'] },
      { label: 'mcpgen --help', command: node, args: [bin, '--help'] },
      { label: 'mcpgen generate --help', command: node, args: [bin, 'generate', '--help'] },
      { label: 'mcpgen spec list', command: node, args: [bin, 'spec', 'list'] },
    ],
    rounds,
  );
  const base = median(results[0]!.samples);
  console.log(`\n## Cold start (median of ${rounds} interleaved runs)\n`);
  console.log(
    formatTable(
      ['command', 'median', 'min', 'ratio to node -e 0'],
      results.map((r) => [r.label, ms(median(r.samples)), ms(Math.min(...r.samples)), ratio(median(r.samples) / base)]),
    ),
  );
  const help = median(results[1]!.samples) / base;
  console.log(`\nmcpgen --help: ${ratio(help)} node -e 0 (target <= 2.00x): ${help <= 2 ? 'met' : 'NOT MET'}`);
}
