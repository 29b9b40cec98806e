/**
 * Writes that cannot tear: kill -9 trials, two runs at once, a failing
 * rename, stale locks and temp files, a symlinked output folder, hand edits.
 * The trials run the real CLI as separate processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { McpgenError } from '../../generator/diagnostics/diagnostic.js';
import { emitOutput } from '../../generator/output/emit-output.js';
import type { OutputFile } from '../../generator/output/file-map.js';
import { writePlan } from '../../generator/output/write-output.js';
import { cliBin, tempDir } from '../helpers/paths.js';
import { runCliAsync } from '../helpers/run-cli.js';

const header = { version: '0.0.0-test', revision: '2025-11-25', inputHash: 'abc' };
const gen = (path: string, contents: string): OutputFile => ({ path, contents, owner: 'generated' });

function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'lock') continue;
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else result[prefix + e.name] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return result;
}

/** A manifest with many tools, so the rename loop is long; `variant` changes every tool's description. */
function manifest(variant: string, tools = 3): string {
  let text = `revision: 2025-11-25\nserver: { name: trial, version: 1.0.0 }\ntools:\n`;
  for (let i = 0; i < tools; i++) {
    text += `  - name: tool_${i}\n    description: ${variant} tool ${i}\n    inputSchema: { type: object, properties: { q: { type: string } }, additionalProperties: false }\n`;
  }
  return text;
}

function startGenerate(cwd: string, manifestFile: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [cliBin, 'generate', '-m', manifestFile, '-o', 'out', '--emit', 'manifest,server'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

async function generateOk(cwd: string, manifestFile: string): Promise<void> {
  const run = await runCliAsync(['generate', '-m', manifestFile, '-o', 'out', '--emit', 'manifest,server'], { cwd });
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
}

/** Trial counts: small in CI; raise them (MCPGEN_KILL_TRIALS=50) for a longer soak. */
const KILL_TRIALS = Number(process.env.MCPGEN_KILL_TRIALS ?? 4);
const RACE_TRIALS = Number(process.env.MCPGEN_RACE_TRIALS ?? 2);

const sameAs = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

describe('durable writes', () => {
  it(`kill -9 at any moment leaves the old or the new set, and the next run completes (${KILL_TRIALS} trials)`, async () => {
    const dir = tempDir('mcpgen-kill-');
    writeFileSync(join(dir, 'a.yaml'), manifest('alpha'));
    writeFileSync(join(dir, 'b.yaml'), manifest('beta'));
    await generateOk(dir, 'b.yaml');
    const snapB = snapshot(join(dir, 'out'));
    await generateOk(dir, 'a.yaml');
    const snapA = snapshot(join(dir, 'out'));
    expect(sameAs(snapA, snapB)).toBe(false);

    let interrupted = 0;
    for (let trial = 0; trial < KILL_TRIALS; trial++) {
      // Every trial starts from A's output, is killed while writing B's, and ends with a complete run of A.
      const [from, to, fromSnap, toSnap] = ['a.yaml', 'b.yaml', snapA, snapB];
      expect(sameAs(snapshot(join(dir, 'out')), fromSnap)).toBe(true);
      // The pause widens the rename window so that kills land inside it: about
      // five files change between the manifests, so 120 ms each keeps the window
      // (~600 ms) longer than the latest kill below (291 ms after the journal).
      const run = startGenerate(dir, to, { MCPGEN_FAULT_RENAME_PAUSE_MS: '120' });
      await new Promise<void>((resolve) => {
        // Kill once the run has started renaming (its journal exists), at a varying point inside the loop.
        const started = Date.now();
        const poll = setInterval(() => {
          const journal = existsSync(join(dir, 'out', '.mcpgen', 'journal.json'));
          if (journal || Date.now() - started > 20_000) {
            clearInterval(poll);
            setTimeout(() => {
              run.child.kill('SIGKILL');
              resolve();
            }, (trial * 97) % 500);
          }
        }, 5);
      });
      const killed = await run.done;
      if (killed.signal === 'SIGKILL') interrupted++;
      const after = snapshot(join(dir, 'out'));
      const journal = existsSync(join(dir, 'out', '.mcpgen', 'journal.json'));
      if (!journal) {
        // No journal: the write committed, or never began (stale temp files aside).
        const clean = Object.fromEntries(Object.entries(after).filter(([p]) => !/\.mcpgen-(tmp|bak)-/.test(p)));
        expect(sameAs(clean, fromSnap) || sameAs(clean, toSnap)).toBe(true);
      }
      // --check reports an interrupted write or leftovers instead of passing silently.
      const leftovers = journal || Object.keys(after).some((p) => /\.mcpgen-(tmp|bak)-/.test(p));
      if (leftovers) {
        const check = await runCliAsync(['generate', '-m', to, '-o', 'out', '--emit', 'manifest,server', '--check'], { cwd: dir });
        expect(check.code).toBe(1);
        expect(check.stderr).toMatch(/output\/(interrupted|stale-temp)/);
      }
      // The next run of the *old* manifest completes and leaves exactly its set: state is back to a known one.
      await generateOk(dir, from);
      expect(sameAs(snapshot(join(dir, 'out')), fromSnap)).toBe(true);
    }
    expect(interrupted).toBeGreaterThanOrEqual(KILL_TRIALS - 1);
  }, 900_000);

  it('a kill after the last rename but before the journal is removed: the next run rolls back instead of trusting its cache', async () => {
    const dir = tempDir('mcpgen-kill-late-');
    writeFileSync(join(dir, 'a.yaml'), manifest('alpha'));
    writeFileSync(join(dir, 'b.yaml'), manifest('beta'));
    await generateOk(dir, 'a.yaml');
    const snapA = snapshot(join(dir, 'out'));
    const killed = await startGenerate(dir, 'b.yaml', { MCPGEN_FAULT_KILL_AFTER_RENAMES: '1' }).done;
    expect(killed.signal).toBe('SIGKILL');
    // Every file (and the index) is B's now, but the cache key is still A's: a
    // cache hit here would keep B's files under A's manifest for good.
    expect(existsSync(join(dir, 'out', '.mcpgen', 'journal.json'))).toBe(true);
    await generateOk(dir, 'a.yaml');
    expect(sameAs(snapshot(join(dir, 'out')), snapA)).toBe(true);
  }, 120_000);

  it(`two runs on one folder at once never interleave: the result is one complete set (${RACE_TRIALS} trials)`, async () => {
    const dir = tempDir('mcpgen-race-');
    writeFileSync(join(dir, 'a.yaml'), manifest('alpha'));
    writeFileSync(join(dir, 'b.yaml'), manifest('beta'));
    await generateOk(dir, 'a.yaml');
    const snapA = snapshot(join(dir, 'out'));
    await generateOk(dir, 'b.yaml');
    const snapB = snapshot(join(dir, 'out'));
    for (let trial = 0; trial < RACE_TRIALS; trial++) {
      const env = { MCPGEN_FAULT_RENAME_PAUSE_MS: '5' };
      const one = startGenerate(dir, 'a.yaml', env);
      const two = startGenerate(dir, 'b.yaml', env);
      const [r1, r2] = await Promise.all([one.done, two.done]);
      expect([r1.code, r2.code]).toEqual([0, 0]);
      const after = snapshot(join(dir, 'out'));
      expect(sameAs(after, snapA) || sameAs(after, snapB)).toBe(true);
    }
  }, 900_000);

  it('a rename that fails restores every file it had replaced, and names the path', () => {
    const out = tempDir();
    writeFileSync(join(out, 'a.txt'), 'old a');
    mkdirSync(join(out, 'b.txt'));
    writeFileSync(join(out, 'b.txt', 'inside'), 'x'); // a non-empty folder: rename onto it fails
    const plan = [
      { path: 'a.txt', absolutePath: join(out, 'a.txt'), action: 'update' as const, owner: 'generated' as const, contents: 'new a' },
      { path: 'b.txt', absolutePath: join(out, 'b.txt'), action: 'create' as const, owner: 'generated' as const, contents: 'new b' },
    ];
    let error: unknown;
    try {
      writePlan(plan, out);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(McpgenError);
    const d = (error as McpgenError).diagnostics[0]!;
    expect(d.code).toBe('output/write-failed');
    expect(d.location?.file).toBe(join(out, 'b.txt'));
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(out).filter((n) => n.startsWith('.mcpgen-'))).toEqual([]);
    expect(existsSync(join(out, '.mcpgen', 'journal.json'))).toBe(false);
  });

  it('refuses while a live run holds the lock, and takes over a stale one', async () => {
    const out = tempDir();
    mkdirSync(join(out, '.mcpgen'));
    writeFileSync(join(out, '.mcpgen', 'lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() }));
    await expect(emitOutput([gen('a.ts', 'export {};')], { out, mode: 'write', header, lockWaitMs: 200 })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'output/locked', message: expect.stringContaining(`pid ${process.pid}`) })],
    });
    expect(existsSync(join(out, 'a.ts'))).toBe(false);
    // A lock whose process is gone (pid far above any live one) is stale.
    writeFileSync(join(out, '.mcpgen', 'lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() }));
    await emitOutput([gen('a.ts', 'export {};')], { out, mode: 'write', header, lockWaitMs: 200 });
    expect(existsSync(join(out, 'a.ts'))).toBe(true);
    expect(existsSync(join(out, '.mcpgen', 'lock'))).toBe(false);
    // An empty lock (killed between creating and filling it), old enough, is stale too.
    writeFileSync(join(out, '.mcpgen', 'lock'), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(out, '.mcpgen', 'lock'), old, old);
    await emitOutput([gen('a.ts', 'export const b = 1;')], { out, mode: 'write', header, lockWaitMs: 200 });
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toContain('export const b = 1;');
  });

  it('removes stale temp files of an earlier run, which --check reports', async () => {
    const out = tempDir();
    await emitOutput([gen('src/a.ts', 'export {};')], { out, mode: 'write', header });
    writeFileSync(join(out, 'src', '.mcpgen-tmp-a.ts-999-dead'), 'half');
    const check = await emitOutput([gen('src/a.ts', 'export {};')], { out, mode: 'check', header });
    expect(check.diagnostics.map((d) => d.code)).toEqual(['output/stale-temp']);
    await emitOutput([gen('src/a.ts', 'export {};')], { out, mode: 'write', header });
    expect(readdirSync(join(out, 'src'))).toEqual(['a.ts']);
  });

  it('refuses an output folder that is a symlink unless asked', async () => {
    const real = tempDir();
    const parent = tempDir();
    const link = join(parent, 'out');
    symlinkSync(real, link);
    await expect(emitOutput([gen('a.ts', 'export {};')], { out: link, mode: 'write', header })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'output/out-is-link' })],
    });
    expect(readdirSync(real)).toEqual([]);
    await emitOutput([gen('a.ts', 'export {};')], { out: link, mode: 'write', header, followOutLink: true });
    expect(existsSync(join(real, 'a.ts'))).toBe(true);
  });

  it('names a generated file edited by hand before overwriting it', async () => {
    const out = tempDir();
    await emitOutput([gen('a.ts', 'export const a = 1;')], { out, mode: 'write', header });
    const { readOutputIndex } = await import('../../generator/output/output-index.js');
    writeFileSync(join(out, 'a.ts'), readFileSync(join(out, 'a.ts'), 'utf8') + '// my fix\n');
    const result = await emitOutput([gen('a.ts', 'export const a = 2;')], { out, mode: 'write', header, previousIndex: readOutputIndex(out) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['output/edited-overwritten']);
    expect(result.diagnostics[0]!.message).toContain('a.ts');
  });

  it('treats CRLF and LF as equal (autocrlf checkouts pass --check)', async () => {
    const out = tempDir();
    await emitOutput([gen('a.ts', 'export const a = 1;\nexport const b = 2;')], { out, mode: 'write', header });
    writeFileSync(join(out, 'a.ts'), readFileSync(join(out, 'a.ts'), 'utf8').replace(/\n/g, '\r\n'));
    const check = await emitOutput([gen('a.ts', 'export const a = 1;\nexport const b = 2;')], { out, mode: 'check', header });
    expect(check.diagnostics).toEqual([]);
  });
});

describe('package.json in the output folder', () => {
  it('is completed with the dependencies and scripts the generated code needs, never overwritten', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'package.json'), JSON.stringify({ name: 'mine', dependencies: { zod: '^3.0.0', a: '1.0.0' }, scripts: { build: 'my-build' } }, null, 2));
    const wanted = { name: 'generated', dependencies: { a: '2.0.0', b: '1.0.0' }, scripts: { build: 'tsc', start: 'node dist/main.js' } };
    const result = await emitOutput([{ path: 'package.json', owner: 'user', contents: JSON.stringify(wanted) }], { out, mode: 'write', header });
    const merged = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(merged).toEqual({ name: 'mine', dependencies: { zod: '^3.0.0', a: '1.0.0', b: '1.0.0' }, scripts: { build: 'my-build', start: 'node dist/main.js' } });
    expect(result.diagnostics.map((d) => [d.code, d.message.replace(/^.*added /, '')])).toEqual([
      ['output/package-json-merged', 'dependencies.b, scripts.start.'],
    ]);
  });
});
