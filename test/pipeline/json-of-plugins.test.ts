/**
 * Memo keys are serialized once per IR object and run (pipeline/run-memos.ts
 * jsonOf) and shared between emitters. A plug-in emitter may change the IR
 * it is given, so what was serialized before it ran is forgotten after it:
 * a built-in emitter running later sees the changed object, in a process
 * that re-runs (`generate --watch`) as in a fresh one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../generator/build.js';
import { keepRunMemos } from '../../generator/pipeline/run-memos.js';
import { writeFiles } from '../helpers/write-files.js';

// Changes the first tool's wire description from its second run on (the count lives on globalThis: a re-import starts the module again).
const PLUGIN = `export default {
  name: 'mutator',
  description: 'changes the IR it is given',
  files: ['mutator.txt'],
  emit({ ir }) {
    globalThis.__mcpgenMutatorRuns = (globalThis.__mcpgenMutatorRuns ?? 0) + 1;
    if (globalThis.__mcpgenMutatorRuns > 1) ir.tools[0].wire.description = 'Changed by the plug-in.';
    return [{ path: 'mutator.txt', contents: 'ran\\n', owner: 'generated' }];
  },
};
`;

describe('memo keys and plug-ins that change the IR', () => {
  beforeAll(() => keepRunMemos());
  afterAll(() => {
    keepRunMemos(false);
    delete (globalThis as { __mcpgenMutatorRuns?: number }).__mcpgenMutatorRuns;
  });

  it('a built-in emitter after the plug-in lays out the changed object', async () => {
    const dir = writeFiles({
      'mcp.yaml': 'server: { name: demo, version: 1.0.0 }\ntools:\n  - name: echo\n    description: Echo a text.\n    inputSchema: { type: object, properties: { text: { type: string } } }\n',
      'mutator.mjs': PLUGIN,
      'mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], revision: '2025-11-25', targets: { out: { emit: ['server', { plugin: './mutator.mjs' }, 'manifest'] } } }),
    });
    const manifest = () => JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { tools: { description: string }[] };
    expect((await build({ cwd: dir, force: true })).exitCode).toBe(0);
    expect(manifest().tools[0]!.description).toBe('Echo a text.');
    expect((await build({ cwd: dir, force: true })).exitCode).toBe(0);
    expect(manifest().tools[0]!.description).toBe('Changed by the plug-in.');
  });
});
