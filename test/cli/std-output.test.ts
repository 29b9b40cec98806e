/**
 * The CLI writes to stdout and stderr by file descriptor (cli/std-output.ts)
 * instead of through process.stdout: the same bytes must arrive whatever the
 * descriptor is (a pipe, a file, a non-blocking pipe that makes a write fail
 * with EAGAIN halfway), and a reader that stops early must neither crash the
 * command nor change its exit code.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBin, specDir, tempDir } from '../helpers/paths.js';

const env = { ...process.env, MCPGEN_SPEC_DIR: specDir() };
let manifest = '';
/** `lint --format json` of the manifest through an ordinary pipe: 1.6 MB, exit 1 (names that break the naming rules). */
let expected = '';

beforeAll(() => {
  const dir = tempDir('mcpgen-std-output-');
  manifest = join(dir, 'mcp.json');
  const tools = Array.from({ length: 1500 }, (_, i) => ({ name: `Tool Name ${i}`, inputSchema: { type: 'object' } }));
  writeFileSync(manifest, JSON.stringify({ server: { name: 'loud', version: '1.0.0' }, tools }));
  const r = spawnSync(process.execPath, [cliBin, 'lint', '--format', 'json', manifest], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  expect(r.status).toBe(1);
  expected = r.stdout;
  expect(expected.length).toBeGreaterThan(1_000_000);
  expect(JSON.parse(expected).diagnostics.length).toBe(4500);
});

describe('output by file descriptor', () => {
  it('writes the same bytes to a file', () => {
    const file = join(tempDir('mcpgen-std-output-file-'), 'out.json');
    const fd = openSync(file, 'w');
    const r = spawnSync(process.execPath, [cliBin, 'lint', '--format', 'json', manifest], { env, stdio: ['ignore', fd, 'pipe'], timeout: 60_000 });
    closeSync(fd);
    expect(r.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('goes on through the stream when a non-blocking pipe is full (EAGAIN), without losing or repeating a byte', () => {
    // Python makes the pipe non-blocking and reads it only after the CLI has filled it; Node's own pipes to a child are blocking.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'chunks = []',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    chunks.append(chunk)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(p.wait())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, process.execPath, cliBin, 'lint', '--format', 'json', manifest], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(expected);
  });

  it('a reader that stops early neither crashes the command nor changes its exit code', () => {
    const r = spawnSync('bash', ['-c', `"$0" "$1" lint --format json "$2" | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`, process.execPath, cliBin, manifest], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.trim()).toBe('exit 1');
    expect(r.stderr).toBe('');
  });
});
