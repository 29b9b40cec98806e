/**
 * A child process run to its end without blocking the test process: its exit
 * code and what it printed, separately and interleaved as it arrived. Killed
 * with SIGKILL after `timeoutMs`, so a hung process fails its test instead of
 * stalling the suite. `feed` writes to its stdin (otherwise stdin is closed).
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order they arrived. */
  output: string;
}

export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; feed?: (stdin: Writable) => void } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: [options.feed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: options.env } : {}),
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output });
    });
    if (options.feed) options.feed(child.stdin!);
  });
}
