/**
 * Validator modules are the largest generated files (15 MB at 1,000 tools).
 * When the pipeline tells the emitters the header of the run, the server and
 * client emitters build them with the header in one piece (`headed`), and the
 * write stage adds none: the text must be exactly the header-less module with
 * the header in front. Called without a header (tests, build scripts), the
 * emitters give the header-less module as before. A file marked `headed`
 * without this run's header is refused, never written with a second header.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/client-emitter.js';
import { emitContext } from '../../generator/emit/emit-context.js';
import { serverEmitter } from '../../generator/emit/server/server-emitter.js';
import { emitOutput } from '../../generator/output/emit-output.js';
import { withHeader } from '../../generator/output/header.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { irOf } from '../helpers/docs-ir.js';
import { writeFiles } from '../helpers/write-files.js';

const manifest = {
  server: { name: 'headed', version: '1.0.0' },
  tools: [{ name: 'pick', description: 'Picks.', inputSchema: { type: 'object', properties: { n: { type: 'integer', minimum: 1, default: 2 } } } }],
};
const header = { version: '0.0.0-test', revision: '2025-11-25' };

describe('validator modules built with their header', () => {
  it.each([
    ['server', serverEmitter],
    ['client', clientEmitter],
  ])('are the header-less module with the header in front (%s)', async (_, emitter) => {
    const ir = irOf(manifest);
    const base = { ir, spec: loadSpec(ir.revision.id), generatorVersion: header.version };
    const plain = (await emitter.emit(emitContext(base))).filter((f) => /validators\/2020-12\.ts$/.test(f.path));
    const headed = (await emitter.emit({ ...emitContext(base), header })).filter((f) => /validators\/2020-12\.ts$/.test(f.path));
    expect(plain).toHaveLength(1);
    expect(plain[0]!.headed).toBeUndefined();
    expect(plain[0]!.contents.startsWith('// @ts-nocheck\n')).toBe(true);
    expect(headed).toHaveLength(1);
    expect(headed[0]!.headed).toBe(true);
    expect(headed[0]!.contents).toBe(withHeader(plain[0]!.path, plain[0]!.contents, header));
  });

  it('get no second header from the write stage, and one without the header is refused', async () => {
    const out = join(writeFiles({}), 'out');
    const contents = withHeader('v.ts', 'export const v = 1;\n', header);
    const written = await emitOutput([{ path: 'v.ts', contents, owner: 'generated', formatted: true, headed: true }], { out, mode: 'dry-run', header });
    expect(written.plan.find((p) => p.path === 'v.ts')?.contents).toBe(contents);
    await expect(
      emitOutput([{ path: 'v.ts', contents: 'export const v = 1;\n', owner: 'generated', formatted: true, headed: true }], { out, mode: 'dry-run', header }),
    ).rejects.toThrow(/marked headed but does not begin with this run's header/);
  });
});
