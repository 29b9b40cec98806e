/**
 * Cold start: `mcpgen --help`, `mcpgen generate --help` and `mcpgen spec
 * list` beside `node -e 0`, interleaved in the same run. The help screens
 * come from a cache rendered by yargs at build time (help-cache.ts); so the
 * figure cannot be met by a stale or hand-made cache, this bench first
 * rebuilds the cache from the command definitions (timed, reported), and
 * also measures `--help` with no cache at all (yargs renders it live).
 * Target (issue 17): `mcpgen --help` <= 1.5x node -e 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELP_CACHE_URL } from '../generator/cli/help-cache.js';
import { record } from './figures.js';
import { formatTable, interleave, median, ms, ratio, startupEnv } from './measure.js';

const cliDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'generator', 'cli');
/** The executable package.json names (the bundle, scripts/bundle-cli.mjs). */
const bin = join(cliDir, '..', 'bin', 'mcpgen.cjs');
const cache = fileURLToPath(HELP_CACHE_URL);

export async function run(): Promise<void> {
  const node = process.execPath;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

  const start = process.hrtime.bigint();
  const rebuilt = spawnSync(node, [join(cliDir, 'render-help-cache.js')], { encoding: 'utf8' });
  const rebuildMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (rebuilt.status !== 0 || !existsSync(cache)) throw new Error(`rebuilding the help cache failed: ${rebuilt.stderr}`);

  const { env, removed } = startupEnv();
  const results = interleave(
    [
      { label: 'node -e 0', command: node, args: ['-e', '0'], env },
      { label: 'mcpgen --help', command: node, args: [bin, '--help'], env },
      { label: 'mcpgen generate --help', command: node, args: [bin, 'generate', '--help'], env },
      { label: 'mcpgen spec list', command: node, args: [bin, 'spec', 'list'], env },
    ],
    rounds,
  );
  // The same with this machine's environment as it is (reference).
  const asIs = removed.length
    ? interleave(
        [
          { label: `node -e 0, with ${removed.join(', ')}`, command: node, args: ['-e', '0'] },
          { label: `mcpgen --help, with ${removed.join(', ')}`, command: node, args: [bin, '--help'] },
        ],
        Math.ceil(rounds / 2),
      )
    : [];
  // No cache at all: yargs renders the screen.
  renameSync(cache, `${cache}.away`);
  let live;
  try {
    live = interleave(
      [
        { label: 'node -e 0', command: node, args: ['-e', '0'], env },
        { label: 'mcpgen --help, no help cache (yargs)', command: node, args: [bin, '--help'], env },
      ],
      Math.ceil(rounds / 2),
    );
  } finally {
    renameSync(`${cache}.away`, cache);
  }
  const base = median(results[0]!.samples);
  const liveBase = median(live[0]!.samples);
  const without = removed.length ? `; without ${removed.join(', ')} (measure.ts startupEnv)` : '';
  console.log(`\n## Cold start (median of ${rounds} interleaved runs; help cache rebuilt in this run in ${ms(rebuildMs)}${without})\n`);
  console.log(
    formatTable(
      ['command', 'median', 'min', 'ratio to node -e 0'],
      [
        ...results.map((r) => [r.label, ms(median(r.samples)), ms(Math.min(...r.samples)), ratio(median(r.samples) / base)]),
        [live[1]!.label, ms(median(live[1]!.samples)), ms(Math.min(...live[1]!.samples)), ratio(median(live[1]!.samples) / liveBase)],
        ...asIs.map((r) => [r.label, ms(median(r.samples)), ms(Math.min(...r.samples)), ratio(median(r.samples) / median(asIs[0]!.samples))]),
      ],
    ),
  );
  const help = median(results[1]!.samples) / base;
  console.log(`\nmcpgen --help: ${ratio(help)} node -e 0 (target <= 1.50x, cache rebuilt in this run): ${help <= 1.5 ? 'met' : 'NOT MET'}`);
  const command = 'BENCH_ONLY=startup npm run bench';
  record({
    figure: 'mcpgen --help (help cache rebuilt in the same run)',
    value: ms(median(results[1]!.samples)),
    baseline: `node -e 0: ${ms(base)}`,
    ratio: help,
    target: '<= 1.50x',
    met: help <= 1.5,
    command,
  });
  const liveRatio = median(live[1]!.samples) / liveBase;
  if (asIs.length) {
    const asIsRatio = median(asIs[1]!.samples) / median(asIs[0]!.samples);
    record({ figure: `mcpgen --help, with this machine's ${removed.join(', ')}`, value: ms(median(asIs[1]!.samples)), baseline: `node -e 0: ${ms(median(asIs[0]!.samples))}`, ratio: asIsRatio, target: '(reference)', command });
  }
  record({ figure: 'mcpgen --help without any help cache', value: ms(median(live[1]!.samples)), baseline: `node -e 0: ${ms(liveBase)}`, ratio: liveRatio, target: '(reference)', command });
}
