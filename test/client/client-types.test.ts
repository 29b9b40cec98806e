/**
 * The generated client compiles under strict, noUncheckedIndexedAccess and
 * exactOptionalPropertyTypes, and its types reject wrong arguments and reads
 * of fields the output schema does not have (fixtures/client/type-tests.ts.txt, with
 * @ts-expect-error, compiled by tsc inside the generated package).
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { linkNodeModules, tscBin } from '../e2e/server-package.js';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'client');

describe('generated client types', () => {
  const dir = tempDir('mcpgen-client-types-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('typechecks under the strict options, and every @ts-expect-error is an error', () => {
    const r = runCliProcess(['generate', '--manifest', join(FIXTURES, 'typed.yaml'), '--revision', '2025-11-25', '--emit', 'client', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true });
    linkNodeModules(dir);
    copyFileSync(join(FIXTURES, 'type-tests.ts.txt'), join(dir, 'src', 'type-tests.ts'));
    const tsc = spawnSync(process.execPath, [tscBin, '-p', join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000);

  it('--emit server,client into one folder puts each package in its own subfolder (the emitter path rule)', () => {
    const out = join(dir, 'both');
    const r = runCliProcess(['generate', '--manifest', join(FIXTURES, 'typed.yaml'), '--emit', 'server,client', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'server', 'package.json'))).toBe(true);
    expect(existsSync(join(out, 'client', 'package.json'))).toBe(true);
    expect(existsSync(join(out, 'package.json'))).toBe(false);
  });
});
