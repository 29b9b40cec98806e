/**
 * The spec hash memo (generator/spec/spec-hash-memo.ts): an unchanged spec
 * file is not hashed again, and any write to it, even one that keeps its
 * size and restores its mtime, sends it back to the hash and the pin check.
 * Work is counted, never timed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { McpgenError } from '../../generator/diagnostics/diagnostic.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { readSpecFile } from '../../generator/spec/spec-hash-memo.js';
import { resetWorkCounts, workCounts } from '../../generator/pipeline/work-counts.js';
import { copySpecDir, tamperOneByte } from '../helpers/spec-copy.js';
import { cliBin, samplesDir, tempDir } from '../helpers/paths.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function hashed(read: () => unknown): number {
  resetWorkCounts();
  read();
  return workCounts()['spec-files-hashed'];
}

describe('spec hash memo', () => {
  it('hashes an unchanged spec file once, once it is older than the timestamp margin', async () => {
    const env = { XDG_CACHE_HOME: tempDir('mcpgen-spec-memo-cache-') };
    const file = join(copySpecDir(['2025-11-25']), '2025-11-25', 'schema.json');
    // Just copied: too recent to be remembered by its metadata.
    expect(hashed(() => readSpecFile(file, env))).toBe(1);
    expect(hashed(() => readSpecFile(file, env))).toBe(1);
    // Past the margin (a pause, not a timed assertion: the margin is 100 ms): remembered, then trusted.
    await pause(300);
    const first = readSpecFile(file, env);
    expect(hashed(() => readSpecFile(file, env))).toBe(0);
    expect(readSpecFile(file, env)).toEqual(first);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'mcpgen', 'spec-hashes.json'))).toBe(true);
  });

  it('hashes again after any write, even one that keeps the size and restores the mtime, and the pin check fails', async () => {
    const env = { XDG_CACHE_HOME: tempDir('mcpgen-spec-memo-cache-') };
    const dir = copySpecDir(['2025-11-25']);
    const file = join(dir, '2025-11-25', 'schema.json');
    // An mtime that can be set again exactly (in seconds, as utimes takes it).
    const mtime = 1767225600.125;
    utimesSync(file, mtime, mtime);
    await pause(300);
    const good = readSpecFile(file, env).sha256;
    expect(hashed(() => readSpecFile(file, env))).toBe(0);
    const before = statSync(file);
    tamperOneByte(dir, '2025-11-25');
    utimesSync(file, mtime, mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(hashed(() => readSpecFile(file, env))).toBe(1);
    expect(readSpecFile(file, env).sha256).not.toBe(good);
    let error: unknown;
    try {
      loadSpec('2025-11-25', { specDir: dir, env: { ...env, HOME: '/nonexistent-home' } });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(McpgenError);
    expect((error as McpgenError).diagnostics[0]!.code).toBe('spec/hash-mismatch');
  });

  it('ignores a damaged memo, and makes no cache folder that does not exist', async () => {
    const cache = tempDir('mcpgen-spec-memo-cache-');
    const file = join(copySpecDir(['2025-11-25']), '2025-11-25', 'schema.json');
    await pause(300);
    readSpecFile(file, { XDG_CACHE_HOME: cache });
    const memo = join(cache, 'mcpgen', 'spec-hashes.json');
    const entry = (JSON.parse(readFileSync(memo, 'utf8')) as { files: Record<string, unknown[]> }).files[file]!;
    for (const damaged of ['{', '[]', JSON.stringify({ generator: 'mcpgen-spec-hashes', files: { [file]: [...entry.slice(0, 5), 'f'.repeat(64)].slice(1) } }), JSON.stringify({ generator: 'mcpgen-spec-hashes', files: { [file]: [...entry.slice(0, 5), 'not a hash'] } })]) {
      writeFileSync(memo, damaged);
      expect(hashed(() => readSpecFile(file, { XDG_CACHE_HOME: cache })), damaged).toBe(1);
    }
    const absent = join(tempDir('mcpgen-spec-memo-'), 'no-such-cache');
    readSpecFile(file, { XDG_CACHE_HOME: absent });
    expect(existsSync(absent)).toBe(false);
  });

  it('lets a repeated lint skip node:crypto', () => {
    const record = join(tempDir('mcpgen-spec-memo-loads-'), 'loads.txt');
    const lint = () => {
      writeFileSync(record, '');
      const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, '..', 'helpers', 'record-loads.mjs'), cliBin, 'lint', join(samplesDir, 'weather', 'mcp.yaml')], {
        env: { ...process.env, MCPGEN_RECORD_LOADS: record },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(record, 'utf8').split('\n').includes('builtin:crypto');
    };
    lint();
    expect(lint()).toBe(false);
  });
});
