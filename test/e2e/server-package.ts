/**
 * Helpers for end-to-end tests of generated server packages: generate into a
 * temp folder, share mcpgen's node_modules by symlink, compile with the
 * installed tsc, and run the server as a real process (bounded in time).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { runProcess } from '../helpers/run-process.js';

export const tscBin = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** Generates `--emit manifest,server` for the manifest into a fresh folder (or `out`). */
export function generateServer(manifest: string, revision: string, out = tempDir('mcpgen-server-')): string {
  const r = runCliProcess(['generate', '--manifest', manifest, '--revision', revision, '--emit', 'manifest,server', '--out', out]);
  if (r.code !== 0) throw new Error(`generate failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

export function linkNodeModules(dir: string): void {
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/** Compiles each package with one tsc process per package (emits dist/). Throws with tsc's output on errors. */
export function buildPackages(...dirs: string[]): void {
  for (const dir of dirs) {
    const r = spawnSync(process.execPath, [tscBin, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`tsc failed in ${dir}:\n${r.stdout}${r.stderr}`);
  }
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts `dist/server.js --port 0` and resolves once it reports its URL (10 s bound). */
export function startHttpServer(dir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--port', '0'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not start within 10 s:\n${stderr}`));
    }, 10_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stderr: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr}`));
    });
  });
}

export interface StdioRun {
  /** Each stdout line, parsed. */
  lines: Record<string, unknown>[];
  raw: string;
  code: number | null;
  stderr: string;
}

/**
 * Runs the built server in `dir` over stdio: writes `input` (raw chunks),
 * closes stdin after `keepOpenMs`, and collects stdout lines and the exit
 * code (killed after 15 s). `nodeArgs` go before the script (`--import`).
 */
export async function runStdio(dir: string, input: string[], options: { keepOpenMs?: number; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<StdioRun> {
  const run = await runProcess(process.execPath, [...(options.nodeArgs ?? []), join(dir, 'dist', 'server.js'), '--stdio'], {
    ...(options.env ? { env: options.env } : {}),
    timeoutMs: 15_000,
    feed: (stdin) => {
      for (const chunk of input) stdin.write(chunk);
      setTimeout(() => stdin.end(), options.keepOpenMs ?? 0);
    },
  });
  const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, raw: run.stdout, code: run.code, stderr: run.stderr };
}
