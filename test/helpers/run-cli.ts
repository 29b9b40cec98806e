/**
 * Runs the built CLI as a real process (the way users and CI run it) and
 * captures its output. `npm test` builds first (pretest).
 */
import { spawnSync } from 'node:child_process';
import { cliBin, repoRoot } from './paths.js';
import { runProcess } from './run-process.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCliProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like runCliProcess, without blocking this process (needed when the test itself serves HTTP). */
export async function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const run = await runProcess(process.execPath, [cliBin, ...args], { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env } });
  return { code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr };
}
