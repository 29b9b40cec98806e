/**
 * What `generate --watch` keeps in memory between runs (validator chunks,
 * type modules, tool-schema lint findings, laid-out manifest items, files
 * this process wrote or read, the watched output folders' events) must never change the output: after a series
 * of edits in one process, the folder holds byte for byte what a fresh
 * process generates from the final manifest, and both report the same
 * diagnostics. The edits are made in this process (as the watch loop does),
 * the reference run in a new one.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchTools, type BenchTool } from '../../bench/server/bench-manifest.js';
import { generate } from '../../generator/generate.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';
import { startWatchingOutput, stopWatchingOutput } from '../../generator/output/output-watch.js';
import { resetWorkCounts, workCounts } from '../../generator/pipeline/work-counts.js';
import { validatorCompileStats } from '../../generator/emit/schema/compile-validators.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** What the watcher's debounce gives a run: time for the file events before it to arrive. */
const settle = () => new Promise((done) => setTimeout(done, 100));

const manifestOf = (tools: BenchTool[]) => JSON.stringify({ server: { name: 'rerun', version: '1.0.0' }, tools }, null, 2);

describe('re-runs in one process', () => {
  // As `generate --watch` does: keep per-item results between runs.
  beforeAll(() => {
    keepRunMemos();
    startWatchingOutput();
  });
  afterAll(() => {
    keepRunMemos(false);
    stopWatchingOutput();
  });

  it('give exactly the files and diagnostics of a fresh run, and redo only the edited tools', async () => {
    const tools = benchTools(24);
    // A tool without description: a lint warning that must survive the memos.
    delete (tools[5] as { description?: string }).description;
    // A misspelt schema keyword (a warning at the key): its finding is kept by schema object, and the tool moves up one place below.
    const props = tools[6]!.inputSchema.properties as Record<string, Record<string, unknown>>;
    props[Object.keys(props)[0]!]!.minLenght = 2;
    // Two tools share a definition in another file: editing only that file must reach both.
    const shared = (maxLength: number) => JSON.stringify({ $defs: { note: { type: 'string', maxLength, default: 'none' } } });
    for (const i of [9, 10]) (tools[i]!.inputSchema.properties as Record<string, unknown>).note = { $ref: './shared.json#/$defs/note' };
    const dir = writeFiles({ 'mcp.json': manifestOf(tools), 'shared.json': shared(40) });
    const validators = () => readFileSync(join(dir, 'watched', 'src', 'generated', 'validators', '2020-12.ts'), 'utf8');
    const options = { manifests: [join(dir, 'mcp.json')], revision: '2025-11-25', emit: ['manifest', 'server'], out: join(dir, 'watched'), cwd: dir };
    resetWorkCounts();
    expect((await generate(options)).exitCode).toBe(0);
    // The validators module, manifest.json and metadata.ts are compared, hashed and written from their parts (output/parted-text.ts), never joined.
    expect(workCounts()['parted-texts-joined']).toBe(0);

    // Each edit; whether it must change the validators module (built in one piece with its header: never stale);
    // and how many tools it moves (their lint findings carry their pointer, so those are linted again).
    const edits: { edit: (t: BenchTool[]) => void; validators: boolean; moved?: number }[] = [
      { edit: (t) => (t[3]!.description = 'Edited description.'), validators: false },
      { edit: (t) => ((t[7]!.inputSchema.properties as Record<string, unknown>).extra = { type: 'integer', minimum: 2, default: 4 }), validators: true },
      { edit: (t) => t.push(...benchTools(26).slice(24)), validators: true },
      { edit: (t) => (t[0]!.outputSchema = { type: 'object', properties: { total: { type: 'number' } }, required: ['total'] }), validators: true },
      // A rename: new identifier, type names and export names for that tool.
      { edit: (t) => (t[2]!.name = 'renamed_records_search'), validators: true },
      // A removal in the middle: the removed tool's chunk goes; the tools after it move up one place.
      { edit: (t) => t.splice(4, 1), validators: true, moved: 26 - 5 },
      // The shared definition only (the manifest is rewritten unchanged): both tools that use it change.
      { edit: () => writeFileSync(join(dir, 'shared.json'), shared(80)), validators: true },
    ];
    let last;
    for (const { edit, validators: changesValidators, moved = 0 } of edits) {
      const before = validators();
      edit(tools);
      writeFileSync(join(dir, 'mcp.json'), manifestOf(tools));
      // As after the watcher's debounce: the events of the last run's writes have arrived.
      await settle();
      const writtenBefore = last === undefined ? Infinity : last.changed.length;
      resetWorkCounts();
      last = await generate(options);
      expect(last.exitCode).toBe(0);
      expect(last.cached).toBe(false);
      expect(validators() !== before, 'validators module changed').toBe(changesValidators);
      // Work is redone for the edited tools only (counted, not timed).
      expect(validatorCompileStats.own).toBeLessThanOrEqual(4);
      expect(workCounts()['types-converted']).toBeLessThanOrEqual(4);
      // Tool schemas linted again: at most the two of each tool touched (the new tools of the third edit) or moved.
      expect(workCounts()['tool-schemas-checked']).toBeLessThanOrEqual(4 + 2 * moved);
      // Manifest items checked against the revision's definitions again: the server info and the touched or moved tools.
      expect(workCounts()['definitions-checked']).toBeLessThanOrEqual(3 + moved);
      // Output files read back from disk: none (this process wrote or read each one last run).
      expect(workCounts()['outputs-read']).toBe(0);
      // The parted files (validators module, manifest.json, metadata.ts, types.ts, create-server.ts, handlers.ts) are
      // never joined; their parts' bytes are kept: only the touched tools' parts are encoded again (at most nine per tool,
      // two tools at most here: its input and output validator chunks, its manifest.json item, its metadata.ts entry, its
      // two parts of types.ts and of handlers.ts, its registration), and the text around the per-tool parts of the files
      // that list every tool (metadata.ts's head, types.ts's Handlers interface, create-server.ts's imports, the
      // validators module's head).
      expect(workCounts()['parted-texts-joined']).toBe(0);
      expect(workCounts()['text-parts-encoded']).toBeLessThanOrEqual(9 * 2 + 4);
      // Memo keys: serialized once per object, though several memos key each; an unchanged tool is the same object as
      // last run (pipeline/reuse-unchanged.ts), so only the server info (built anew each run), the touched tools (wire
      // object, input and output schema) and the moved ones (a new IR entry, so a new wire object) are serialized.
      expect(workCounts()['memo-keys-serialized']).toBeLessThanOrEqual(1 + 3 * 2 + moved);
      // Output files stat-ed: only those written last run or to be changed now, and the index (output/output-watch.ts
      // watches the folders for the rest), not the 80-odd files of the folder.
      expect(workCounts()['outputs-statted']).toBeLessThanOrEqual(writtenBefore + last.changed.length + 1);
    }

    // The handlers of the renamed and the removed tool are the user's: kept, and named until the user removes them.
    const orphans = ['tool2SearchRecords.ts', 'tool4SearchRecords.ts'].map((f) => join(dir, 'watched', 'src', 'handlers', 'tools', f));
    expect(last!.diagnostics.filter((d) => d.code === 'output/user-file-orphaned').map((d) => d.location?.file)).toEqual(orphans);
    for (const f of orphans) rmSync(f);

    // A generated file edited by hand between two runs is still named before it is overwritten.
    // (metadata.ts is parted, types.ts a plain text with the header put in front from the last run's memo.)
    const metadata = join(dir, 'watched', 'src', 'generated', 'metadata.ts');
    const types = join(dir, 'watched', 'src', 'generated', 'types.ts');
    for (const f of [metadata, types]) writeFileSync(f, readFileSync(f, 'utf8') + '// mine\n');
    // A generated file removed by hand is made again, though unchanged since this process wrote it.
    const removed = join(dir, 'watched', 'src', 'generated', 'tools', 'tool1SearchRecords.input.ts');
    rmSync(removed);
    tools[1]!.description = 'Edited again.';
    writeFileSync(join(dir, 'mcp.json'), manifestOf(tools));
    await settle();
    const overwritten = await generate(options);
    expect(overwritten.changed).toContain('src/generated/tools/tool1SearchRecords.input.ts');
    expect(overwritten.diagnostics.filter((d) => d.code === 'output/edited-overwritten').map((d) => d.location?.file).sort()).toEqual([expect.stringMatching(/metadata\.ts$/), expect.stringMatching(/types\.ts$/)]);
    last = await generate(options);
    expect(last.diagnostics.map((d) => d.code)).not.toContain('output/edited-overwritten');

    const fresh = await runCliAsync(['generate', '-m', 'mcp.json', '-r', '2025-11-25', '-e', 'manifest,server', '-o', 'fresh', '--format', 'json'], { cwd: dir });
    expect(fresh.code).toBe(0);
    const watched = files(join(dir, 'watched'));
    const reference = files(join(dir, 'fresh'));
    expect([...watched.keys()].sort()).toEqual([...reference.keys()].sort());
    // The cache key hashes mcpgen's own code: the sources run here, the built CLI there. Everything else is equal.
    for (const [path, text] of reference) if (path !== '.mcpgen/cache.json') expect(watched.get(path), path).toBe(text);
    const codes = last!.diagnostics.map((x) => `${x.code}@${x.location?.line}:${x.location?.column}`).sort();
    expect(codes.filter((c) => c.startsWith('tool-schema/unknown-keyword@'))).toHaveLength(1);
    const report = JSON.parse(fresh.stdout) as { diagnostics: { code: string; line: number | null; column: number | null }[] };
    expect(codes).toEqual(report.diagnostics.map((x) => `${x.code}@${x.line}:${x.column}`).sort());
    expect(codes).toContainEqual(expect.stringMatching(/^text\/missing-description@\d+:\d+$/));
  });
});
