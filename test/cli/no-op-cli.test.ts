/**
 * `mcpgen generate` with a config, as a build step runs it: a no-op run
 * answered by the stamp (parsed without yargs, generator/cli/fast-path.ts)
 * prints exactly what a run answered by the content cache prints, in text
 * and JSON, warnings and code frames included.
 */
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampPath } from '../../generator/output/run-stamp.js';
import { tempDir } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('generate: a no-op run by stamp prints what the content cache prints', () => {
  it('in text and JSON', async () => {
    const dir = writeFiles({
      // `a` has no description: a lint warning with a code frame on every run.
      'mcp.yaml': 'server: { name: cli, version: 1.0.0 }\ntools:\n  - name: a\n    inputSchema: { type: object }\n',
      'mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], revision: '2025-11-25', targets: { gen: { emit: ['manifest', 'server'] } } }),
    });
    // A cache folder of its own: the stamp is kept there.
    const env = { XDG_CACHE_HOME: tempDir('mcpgen-cache-') };
    const generate = (...args: string[]) => runCliAsync(['generate', ...args], { cwd: dir, env });
    const first = await generate();
    expect(first.code).toBe(0);
    expect(existsSync(stampPath(join(dir, 'gen'), { ...process.env, ...env }))).toBe(true);
    await pause(300); // beyond the stamp's racy margin, so the files just written are trusted by stat

    for (const args of [[], ['--format', 'json']]) {
      const stamped = await generate(...args);
      // Same contents, new mtime: the stamp misses and the content cache answers (then renews the stamp).
      const now = new Date();
      utimesSync(join(dir, 'mcp.yaml'), now, now);
      const content = await generate(...args);
      expect(stamped).toEqual(content);
      expect(stamped.code).toBe(0);
      expect(stamped.stderr + stamped.stdout).toContain('text/missing-description');
      if (args.length === 0) expect(stamped.stdout).toMatch(/^gen: changed 0 files, \d+ unchanged, \d+ user-owned kept, inputs unchanged$/m);
      else expect((JSON.parse(stamped.stdout) as { targets: { cached: boolean }[] }).targets[0]!.cached).toBe(true);
      await pause(300);
    }
    expect(readFileSync(join(dir, 'gen', 'manifest.json'), 'utf8')).toContain('"a"');
  });
});
