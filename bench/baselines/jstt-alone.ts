/**
 * The baseline of the generation bench: json-schema-to-typescript alone
 * converting the input and output schema of every tool of a manifest into
 * TypeScript declarations, in a process of its own like `mcpgen generate`.
 * Run: `node dist/bench/baselines/jstt-alone.js MANIFEST [--no-format]`;
 * prints `{"ms": ..., "schemas": ...}` (time from start of work, after its
 * import, so its start-up is not counted against it).
 *
 * Options as a user converting tool schemas would set them: declarations
 * for every definition, closed objects unless `additionalProperties` says
 * otherwise, and the library's default formatting (its output is laid out;
 * mcpgen's is too). `--no-format` skips formatting (unlaid-out output), for
 * reference.
 */
import { readFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error('usage: jstt-alone.js MANIFEST [--no-format]');
const manifest = JSON.parse(readFileSync(file, 'utf8')) as { tools: { name: string; inputSchema: object; outputSchema?: object }[] };
const start = performance.now();
let schemas = 0;
for (const [i, tool] of manifest.tools.entries()) {
  for (const [kind, schema] of [['Input', tool.inputSchema], ['Output', tool.outputSchema]] as const) {
    if (!schema) continue;
    await compile(structuredClone(schema) as Parameters<typeof compile>[0], `Tool${i}${kind}`, {
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: true,
      format: flag !== '--no-format',
    });
    schemas++;
  }
}
console.log(JSON.stringify({ ms: performance.now() - start, schemas }));
