/**
 * `mcpgen migrate --write` on the weather sample and on a manifest using every
 * revision-sensitive field: through every adjacent pair (up, then down) and
 * 2024-11-05 <-> 2026-07-28 in one step. Golden files hold each resulting
 * manifest and report (MCPGEN_UPDATE_GOLDEN=1 rewrites them); beyond the
 * goldens, each result is checked to keep comments and $refs, to load, and
 * to lint without a single field the new revision lacks.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli/run-cli.js';
import { lint } from '../../generator/lint/lint.js';
import { memoryIo } from '../helpers/memory-io.js';
import { fixturesDir, repoRoot, samplesDir, tempDir } from '../helpers/paths.js';

const goldenDir = join(repoRoot, 'test', 'migrate', 'golden');
const update = process.env.MCPGEN_UPDATE_GOLDEN === '1';

interface Sample {
  name: string;
  dir: string;
  file: string;
  revision: string;
}

const samples: Sample[] = [
  { name: 'weather', dir: join(samplesDir, 'weather'), file: 'mcp.yaml', revision: '2025-11-25' },
  { name: 'every-field', dir: join(fixturesDir, 'migrate'), file: 'every-field.yaml', revision: '2025-11-25' },
];

const UP = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'];

function golden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (update || !existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`golden file ${name} was missing and has been written; run again`);
  }
  expect(actual, name).toBe(readFileSync(path, 'utf8'));
}

/** A fresh copy of the sample (with its schemas folder) holding `text` as the manifest. */
function workspace(sample: Sample, text: string): string {
  const dir = tempDir('mcpgen-migrate-');
  cpSync(sample.dir, dir, { recursive: true, filter: (src) => !src.includes('generated') });
  writeFileSync(join(dir, sample.file), text);
  return dir;
}

async function migrate(sample: Sample, text: string, to: string, from?: string): Promise<{ text: string; report: string; code: number; dir: string }> {
  const dir = workspace(sample, text);
  const io = memoryIo();
  const file = join(dir, sample.file);
  const code = await runCli(['migrate', file, '--to', to, '--write', ...(from ? ['--from', from] : [])], io);
  const report = `exit ${code}\n${io.stdout()}${io.stderr()}`.split(dir).join('<dir>');
  return { text: readFileSync(file, 'utf8'), report, code, dir };
}

function expectSound(sample: Sample, original: string, result: { text: string; dir: string; code: number; report: string }, revision: string): void {
  expect(result.code, result.report).toBe(/migrate\/requires-input/.test(result.report) ? 1 : 0);
  expect(result.report).not.toMatch(/internal error/);
  expect(result.text).toContain(`revision: ${revision}`);
  // The leading comments and every $ref survive.
  const leading = original.split('\n').filter((l, i) => i < 3 && l.startsWith('#'));
  for (const line of leading) expect(result.text).toContain(line);
  for (const ref of original.match(/\$ref: \S+/g) ?? []) expect(result.text).toContain(ref);
  // Whatever the old revision had that the new one lacks is gone.
  const linted = lint({ manifests: [join(result.dir, sample.file)] });
  expect(linted.inputError).toBe(false);
  expect(linted.diagnostics.filter((d) => d.code === 'revision/field-unsupported')).toEqual([]);
}

describe.each(samples)('migrate --write: $name', (sample) => {
  const original = readFileSync(join(sample.dir, sample.file), 'utf8');

  it('walks every adjacent pair up to 2026-07-28 and back down to 2024-11-05', async () => {
    let text = original;
    let from = sample.revision;
    const path = [...UP.slice(UP.indexOf(sample.revision) + 1), ...[...UP].reverse().slice(1)];
    for (const to of path) {
      const result = await migrate(sample, text, to);
      golden(`${sample.name}/step-${from}-to-${to}.yaml`, result.text);
      golden(`${sample.name}/step-${from}-to-${to}.txt`, result.report);
      expectSound(sample, original, result, to);
      text = result.text;
      from = to;
    }
  });

  it('goes 2024-11-05 -> 2026-07-28 in one step, as the adjacent steps do one after another', async () => {
    const start = original.replace(`revision: ${sample.revision}`, 'revision: 2024-11-05');
    const one = await migrate(sample, start, '2026-07-28');
    golden(`${sample.name}/one-step-2024-11-05-to-2026-07-28.yaml`, one.text);
    golden(`${sample.name}/one-step-2024-11-05-to-2026-07-28.txt`, one.report);
    expectSound(sample, original, one, '2026-07-28');
    let text = start;
    for (const to of UP.slice(1)) text = (await migrate(sample, text, to)).text;
    expect(one.text).toBe(text);
  });

  it('goes 2026-07-28 -> 2024-11-05 in one step, as the adjacent steps do one after another', async () => {
    const start = original.replace(`revision: ${sample.revision}`, 'revision: 2026-07-28');
    const one = await migrate(sample, start, '2024-11-05');
    golden(`${sample.name}/one-step-2026-07-28-to-2024-11-05.yaml`, one.text);
    golden(`${sample.name}/one-step-2026-07-28-to-2024-11-05.txt`, one.report);
    expectSound(sample, original, one, '2024-11-05');
    let text = start;
    for (const to of [...UP].reverse().slice(1)) text = (await migrate(sample, text, to)).text;
    expect(one.text).toBe(text);
  });
});
