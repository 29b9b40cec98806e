/**
 * `mcpgen generate --watch` end to end: a real process regenerates when the
 * manifest, a $ref'ed schema or the config changes, prints one summary line
 * per run, survives errors, and exits 0 on Ctrl-C (SIGINT).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

const manifest = (tools: string[]) =>
  `server: { name: w, version: 1.0.0 }\ntools:\n${tools.map((t) => `  - name: ${t}\n    inputSchema: { $ref: ./in.json }\n`).join('')}`;

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('generate --watch', () => {
  it('regenerates on manifest, $ref and config changes, keeps going after errors, stops on SIGINT', async () => {
    const dir = writeFiles({
      'mcp.yaml': manifest(['alpha']),
      'in.json': '{"type":"object"}',
      'mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], revision: '2025-11-25', targets: { out: { emit: ['manifest'] } } }),
    });
    const child = spawn(process.execPath, [cliBin, 'generate', '--watch'], { cwd: dir, env: { ...process.env, MCPGEN_WATCH_DEBOUNCE_MS: '50' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const summaries = () => stdout.split('\n').filter((l) => l.startsWith('mcpgen: 1 target'));
    const wire = () => (existsSync(join(dir, 'out', 'manifest.json')) ? readFileSync(join(dir, 'out', 'manifest.json'), 'utf8') : '');
    try {
      await until('the first run', () => summaries().length === 1 && stderr.includes('watching'));
      expect(summaries()[0]).toMatch(/^mcpgen: 1 target, 2 files changed(, \d+ warnings?)? \(\d+ ms\)$/);
      expect(wire()).toContain('"alpha"');

      writeFileSync(join(dir, 'mcp.yaml'), manifest(['alpha', 'beta']));
      await until('the manifest edit', () => wire().includes('"beta"'));
      await until('its summary', () => summaries().length === 2);

      writeFileSync(join(dir, 'in.json'), '{"type":"object","properties":{"q":{"type":"string"}}}');
      await until('the $ref edit', () => wire().includes('"q"'));

      writeFileSync(join(dir, 'mcp.yaml'), 'tools: [');
      await until('the error', () => stderr.includes('load/yaml-syntax'));
      await until('its summary', () => summaries().some((l) => l.includes('1 error')));
      expect(child.exitCode).toBe(null);

      writeFileSync(join(dir, 'mcp.yaml'), manifest(['gamma']));
      await until('the fix', () => wire().includes('"gamma"'));

      writeFileSync(join(dir, 'mcpgen.config.json'), JSON.stringify({ manifests: ['mcp.yaml'], revision: '2025-06-18', targets: { out: { emit: ['manifest'] } } }));
      await until('the config edit', () => wire().includes('"revision": "2025-06-18"'));
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopped watching');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
