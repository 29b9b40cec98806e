/**
 * Timing helpers for `npm run bench`. Machines here are noisy, so every
 * figure is reported beside a baseline measured in the same run, with
 * interleaved samples (A B A B ...) so drift hits both sides alike.
 */
import { spawnSync } from 'node:child_process';

export interface Sample {
  label: string;
  /** Milliseconds per run. */
  samples: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time of one process run, in milliseconds. */
export function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr?.toString().slice(0, 500)}`);
  }
  return elapsed;
}

/** Runs each command `rounds` times, interleaved, after one warm-up each. */
export function interleave(
  commands: { label: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }[],
  rounds: number,
): Sample[] {
  for (const c of commands) timeProcess(c.command, c.args, c.env);
  const out = commands.map((c) => ({ label: c.label, samples: [] as number[] }));
  for (let i = 0; i < rounds; i++) {
    commands.forEach((c, j) => out[j]!.samples.push(timeProcess(c.command, c.args, c.env)));
  }
  return out;
}

/**
 * The environment for every figure that times an mcpgen process (start-up,
 * lint, generate, no-op, watch): this one without NODE_EXTRA_CA_CERTS. When that is set, Node reads and parses
 * the certificate file as every process starts (about 40 ms on this VM, most
 * of a bare `node -e 0`), a fixed cost on both sides that would flatter each
 * ratio; a typical machine does not set it. `removed` lists what was dropped,
 * so the bench can print the figure with the environment as it is as well.
 */
export function startupEnv(): { env: NodeJS.ProcessEnv; removed: string[] } {
  const env = { ...process.env };
  const removed: string[] = [];
  for (const name of ['NODE_EXTRA_CA_CERTS']) {
    if (env[name] !== undefined) {
      delete env[name];
      removed.push(name);
    }
  }
  return { env, removed };
}

export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

export const ms = (n: number): string => `${n.toFixed(1)} ms`;
export const ratio = (n: number): string => `${n.toFixed(2)}x`;
