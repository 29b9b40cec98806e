/**
 * A schema nested as deep as lint allows still gives packages that compile.
 * TypeScript gives up (TS2321, "excessive stack depth") comparing a literal
 * nested about 50 deep with the recursive Json type of the metadata tables;
 * the fuzzer found it (a lint-clean manifest whose server and client did not
 * typecheck). The metadata module types such literals without the comparison.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheckPackages } from '../../fuzz/typecheck-packages.js';
import { generate } from '../../generator/generate.js';
import { lint } from '../../generator/lint/lint.js';
import { tempDir } from '../helpers/paths.js';

function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { p: schema } };
  return schema;
}

describe('deeply nested tool schemas', () => {
  it('lint clean, and the generated server and client typecheck', async () => {
    const root = tempDir('mcpgen-deep-');
    const manifest = join(root, 'mcp.json');
    // 55 levels of properties: 110 levels of JSON under the tool, within lint's cap of 128.
    writeFileSync(manifest, JSON.stringify({ server: { name: 'deep', version: '1.0.0' }, tools: [{ name: 'deep', description: 'd', inputSchema: nested(55) }] }));
    const linted = lint({ manifests: [manifest] });
    expect(linted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = join(root, 'pkgs', 'case-0');
    const result = await generate({ manifests: [manifest], out, emit: ['manifest', 'server', 'client'] });
    expect(result.exitCode, result.diagnostics.map((d) => d.message).join('\n')).toBe(0);
    expect(typecheckPackages(root, [{ caseIndex: 0, dir: out }])).toEqual([]);
    expect(readFileSync(join(out, 'server', 'src', 'generated', 'metadata.ts'), 'utf8')).toContain('export const TOOLS: {\n  deep: ToolEntry;\n} = unchecked({');
  }, 240_000);
});
