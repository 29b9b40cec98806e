/**
 * The no-op stamp (generator/output/run-stamp.ts): a run whose inputs and
 * outputs are as the last write left them is answered from file metadata,
 * without loading the spec or the manifest; it reports exactly what the
 * content-based cache reports; and every change that could alter the output
 * sends the run down the full path. Work is counted, never timed.
 */
import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, type GenerateOptions, type GenerateResult } from '../../generator/generate.js';
import { TEMP_PREFIX } from '../../generator/output/atomic-write.js';
import { readRunStamp, stampPath } from '../../generator/output/run-stamp.js';
import { BACKUP_PREFIX } from '../../generator/output/write-output.js';
import { resetWorkCounts, workCounts } from '../../generator/pipeline/work-counts.js';
import { specDir, tempDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';

const manifest = (name: string) =>
  `server: { name: stamp, version: 1.0.0 }\ntools:\n  - name: ${name}\n    inputSchema: { $ref: ./in.json }\n  - name: described\n    description: Has a description.\n    inputSchema: { type: object }\n`;

function project(): { dir: string; out: string; options: GenerateOptions } {
  const dir = writeFiles({ 'mcp.yaml': manifest('alpha'), 'in.json': '{"type":"object"}' });
  const out = join(dir, 'out');
  return { dir, out, options: { manifests: [join(dir, 'mcp.yaml')], revision: '2025-11-25', emit: ['manifest', 'server'], out, cwd: dir } };
}

/** Runs generate and says whether the spec was loaded (the full or the content-cache path) or not (the stamp). */
async function run(options: GenerateOptions): Promise<{ result: GenerateResult; loadedSpec: boolean }> {
  resetWorkCounts();
  const result = await generate(options);
  return { result, loadedSpec: workCounts()['specs-loaded'] > 0 };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const comparable = (r: GenerateResult) => ({
  plan: r.plan.map((p) => ({ path: p.path, absolutePath: p.absolutePath, owner: p.owner, action: p.action })),
  diagnostics: r.diagnostics,
  exitCode: r.exitCode,
  revision: r.revision,
  changed: r.changed,
  cached: r.cached,
  dependencies: r.dependencies,
  inputFiles: r.inputFiles,
  sources: [...r.sources].filter(([file]) => r.diagnostics.some((d) => d.location?.file === file)).sort(([a], [b]) => (a < b ? -1 : 1)),
});

describe('no-op stamp', () => {
  it('answers an unchanged run without loading anything, reporting what the content cache reports', async () => {
    const { dir, options } = project();
    const first = await run(options);
    expect(first.result.exitCode).toBe(0);
    expect(first.result.diagnostics.map((d) => d.code)).toContain('text/missing-description');

    const progress: string[] = [];
    const stamped = await run({ ...options, onProgress: (m) => progress.push(m) });
    expect(stamped.loadedSpec).toBe(false);
    expect(stamped.result.cached).toBe(true);
    expect(progress).toEqual(['inputs unchanged: nothing to emit']);
    // The lint warning is replayed, with the manifest text for its code frame.
    const warning = stamped.result.diagnostics.find((d) => d.code === 'text/missing-description');
    expect(warning).toEqual(first.result.diagnostics.find((d) => d.code === 'text/missing-description'));
    expect(stamped.result.sources.get(warning!.location!.file)).toBe(readFileSync(join(dir, 'mcp.yaml'), 'utf8'));

    // Touching the manifest (same contents, new mtime) misses the stamp; the content cache answers.
    // (First a pause longer than the stamp's racy margin, so that the index written above is trusted by stat.)
    await pause(400);
    const now = new Date();
    utimesSync(join(dir, 'mcp.yaml'), now, now);
    const content = await run(options);
    expect(content.loadedSpec).toBe(true);
    expect(content.result.cached).toBe(true);
    expect(comparable(stamped.result)).toEqual(comparable(content.result));
    // ... and renewed the stamp, which answers the next run.
    expect((await run(options)).loadedSpec).toBe(false);
  });

  it('replays orphaned user file warnings like the content cache', async () => {
    const { dir, out, options } = project();
    await run(options);
    writeFileSync(join(dir, 'mcp.yaml'), manifest('beta'));
    const removed = await run(options);
    expect(removed.result.diagnostics.map((d) => d.code)).toContain('output/user-file-orphaned');
    const stamped = await run(options);
    expect(stamped.loadedSpec).toBe(false);
    utimesSync(join(dir, 'mcp.yaml'), new Date(), new Date());
    const content = await run(options);
    expect(content.loadedSpec).toBe(true);
    expect(comparable(stamped.result)).toEqual(comparable(content.result));
    expect(statSync(join(out, 'src/handlers/tools/alpha.ts')).isFile()).toBe(true);
  });

  it('misses on every change that could alter the output', async () => {
    const { dir, out, options } = project();
    const stampHit = async (o: GenerateOptions = options) => {
      const r = await run(o);
      expect(r.result.exitCode).toBe(0);
      return !r.loadedSpec;
    };
    await run(options);
    expect(await stampHit()).toBe(true);

    // A manifest edit that keeps the size, even with its mtime put back.
    const path = join(dir, 'mcp.yaml');
    const before = statSync(path);
    writeFileSync(path, manifest('omega'));
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    expect(await stampHit()).toBe(false);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toContain('"omega"');
    expect(await stampHit()).toBe(true);

    // A $ref'ed file.
    writeFileSync(join(dir, 'in.json'), '{"type":"object","properties":{"x":{"type":"string"}}}');
    expect(await stampHit()).toBe(false);
    expect(readFileSync(join(out, 'src/generated/tools/omega.input.ts'), 'utf8')).toContain('x');
    expect(await stampHit()).toBe(true);

    // A generated file edited by hand (same size), deleted, or the index edited: repaired by the full path.
    const generated = join(out, 'manifest.json');
    const original = readFileSync(generated, 'utf8');
    writeFileSync(generated, original.replace('"omega"', '"OMEGA"'));
    expect(await stampHit()).toBe(false);
    expect(readFileSync(generated, 'utf8')).toBe(original);
    rmSync(generated);
    expect(await stampHit()).toBe(false);
    expect(readFileSync(generated, 'utf8')).toBe(original);
    const index = join(out, '.mcpgen/files.json');
    writeFileSync(index, readFileSync(index, 'utf8') + ' ');
    expect(await stampHit()).toBe(false);

    // A user file deleted is created again.
    rmSync(join(out, 'src/handlers/tools/omega.ts'));
    expect(await stampHit()).toBe(false);
    expect(statSync(join(out, 'src/handlers/tools/omega.ts')).isFile()).toBe(true);
    expect(await stampHit()).toBe(true);

    // Other options: emitters, the revision, --force, check and dry-run never use the stamp.
    expect(await stampHit({ ...options, emit: ['manifest'] })).toBe(false);
    expect(await stampHit()).toBe(false);
    expect(await stampHit({ ...options, revision: '2025-06-18' })).toBe(false);
    expect(await stampHit()).toBe(false);
    expect(await stampHit()).toBe(true);
    expect(await stampHit({ ...options, force: true })).toBe(false);
    expect(await stampHit({ ...options, mode: 'check' })).toBe(false);
    expect(await stampHit({ ...options, mode: 'dry-run' })).toBe(false);

    // The spec: another folder found first (MCPGEN_SPEC_DIR), or the same file changed.
    const copy = tempDir('mcpgen-spec-copy-');
    cpSync(specDir(), copy, { recursive: true });
    const elsewhere = { ...options, env: { ...process.env, MCPGEN_SPEC_DIR: copy } };
    expect(await stampHit(elsewhere)).toBe(false);
    // The content cache answered and renewed the stamp.
    expect(await stampHit(elsewhere)).toBe(true);
    const schema = join(copy, '2025-11-25', 'schema.json');
    const s = statSync(schema);
    writeFileSync(schema, readFileSync(schema));
    utimesSync(schema, s.atime, s.mtime);
    expect(await stampHit(elsewhere)).toBe(false);
  });

  it('trusts by stat, once old enough, the files it had to check by contents (racy when stamped)', async () => {
    const { dir, out, options } = project();
    await run(options);
    // The manifest was written just before the run: its stat alone could hide an edit in the same timestamp tick.
    const racy = readRunStamp(out)!;
    expect(racy.inputs[join(dir, 'mcp.yaml')]).toHaveLength(5);
    await pause(400);
    // The replay checks it by contents, then keeps a stamp without hashes: everything is old enough now.
    expect((await run(options)).loadedSpec).toBe(false);
    const settled = readRunStamp(out)!;
    expect(Object.values(settled.inputs).every((s) => s.length === 4)).toBe(true);
    expect(settled.outputs.hashes).toEqual({});
    expect(settled.index[4]).toBeUndefined();
    expect(settled.outputs.stats).toEqual(racy.outputs.stats);
    expect((await run(options)).loadedSpec).toBe(false);
    // Still a shortcut only: an edit of a settled file sends the run down the full path.
    writeFileSync(join(dir, 'in.json'), '{"type":"object" }');
    expect((await run(options)).loadedSpec).toBe(true);
  });

  it('trusts at once the files the file system had timestamped before the journal, and misses an edit made right after', async () => {
    // Enough files that staging them spans several timestamp ticks (a tick is 1-10 ms; each file takes tens of µs or more).
    const tools = Array.from({ length: 200 }, (_, i) => `  - name: tool_${i}\n    inputSchema: { type: object, properties: { q: { type: string } } }\n    outputSchema: { type: object }\n`);
    const dir = writeFiles({ 'mcp.yaml': `server: { name: many, version: 1.0.0 }\ntools:\n${tools.join('')}` });
    const out = join(dir, 'out');
    const options: GenerateOptions = { manifests: [join(dir, 'mcp.yaml')], revision: '2025-11-25', emit: ['manifest', 'server'], out, cwd: dir };
    await run(options);
    const stamp = readRunStamp(out)!;
    expect(stamp.outputs.paths.length).toBeGreaterThan(400);
    // Only the files staged in the journal's own tick carry a hash (with a wall-clock margin of 100 ms, all would).
    const hashed = Object.keys(stamp.outputs.hashes).map(Number);
    expect(hashed.length).toBeLessThan(stamp.outputs.paths.length / 2);
    // No pause: an edit of a file trusted by stat gets a later mtime than the stamp holds, so the run misses.
    const trusted = stamp.outputs.paths.findIndex((_, i) => !hashed.includes(i));
    const file = join(out, stamp.outputs.paths[trusted]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, ' \n'));
    const after = statSync(file);
    expect(after.mtimeMs).toBeGreaterThan(stamp.outputs.stats[trusted * 4 + 1]!);
    expect((await run(options)).loadedSpec).toBe(true);
  });

  it('sends a damaged stamp down the full path, whatever its shape', async () => {
    const { out, options } = project();
    await run(options);
    // Past the racy margin, so that the content cache's renewal can trust the index by stat.
    await pause(400);
    expect((await run(options)).loadedSpec).toBe(false);
    const file = stampPath(out);
    const good = readFileSync(file, 'utf8');
    const stamp = readRunStamp(out)!;
    expect(stamp.outputs.stats).toHaveLength(stamp.outputs.paths.length * 4);
    const damaged: Record<string, unknown>[] = [
      { outputs: { ...stamp.outputs, stats: stamp.outputs.stats.slice(1) } },
      { outputs: { ...stamp.outputs, stats: stamp.outputs.stats.map((n, i) => (i === 0 ? n + 1 : n)) } },
      { outputs: { ...stamp.outputs, paths: stamp.outputs.paths.map((p, i) => (i === 0 ? '../escape.ts' : p)) } },
      { outputs: { ...stamp.outputs, hashes: null } },
      { outputs: null },
      { userFiles: 'src' },
      { userFiles: [...stamp.userFiles, 'src/handlers/tools/gone.ts'] },
      { index: [0, 0, 0, 0] },
      { v: 1 },
    ];
    for (const change of damaged) {
      writeFileSync(file, JSON.stringify({ ...(JSON.parse(good) as object), stamp: { ...stamp, ...change } }));
      const r = await run(options);
      expect(r.result.exitCode, JSON.stringify(change)).toBe(0);
      expect(r.loadedSpec, JSON.stringify(change)).toBe(true);
      // The full path wrote a sound stamp again.
      expect((await run(options)).loadedSpec).toBe(false);
    }
  });

  it('leaves interrupted runs, locks and leftovers to the full path', async () => {
    const { out, options } = project();
    await run(options);
    expect((await run(options)).loadedSpec).toBe(false);
    const leftovers: Record<string, string> = {
      '.mcpgen/journal.json': JSON.stringify({ generator: 'mcpgen-journal', entries: [] }),
      // A lock of a process that is gone (this host, no such pid): the full path takes it over.
      '.mcpgen/lock': JSON.stringify({ pid: 2 ** 30, host: hostname() }),
      [`src/${TEMP_PREFIX}x`]: '{}',
      [`src/${BACKUP_PREFIX}x`]: '{}',
      // Beside generated files only, and beside the index.
      [`src/generated/${TEMP_PREFIX}types.ts-1`]: '{}',
      [`.mcpgen/${TEMP_PREFIX}files.json-1`]: '{}',
    };
    for (const [leftover, contents] of Object.entries(leftovers)) {
      writeFileSync(join(out, leftover), contents);
      const r = await run(options);
      expect(r.loadedSpec, leftover).toBe(true);
      expect(r.result.exitCode).toBe(0);
      rmSync(join(out, leftover), { force: true });
      expect((await run(options)).loadedSpec, leftover).toBe(false);
    }
  });

  it('records an input changed within the timestamp margin of the run with its hash, an older one by stat alone', async () => {
    const { dir, out, options } = project();
    await run(options);
    const stampOf = () => readRunStamp(out)!;
    // Written just before the run: racy, compared by content next time (and still a hit).
    expect(stampOf().inputs[join(dir, 'mcp.yaml')]).toHaveLength(5);
    expect((await run(options)).loadedSpec).toBe(false);
    // Written well before the run (a pause, not a timed assertion: the margin is 100 ms): trusted by stat.
    writeFileSync(join(dir, 'mcp.yaml'), manifest('later'));
    await pause(400);
    await run(options);
    expect(stampOf().inputs[join(dir, 'mcp.yaml')]).toHaveLength(4);
    expect((await run(options)).loadedSpec).toBe(false);
  });
});
