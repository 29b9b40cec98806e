/**
 * The fuzzer's typecheck step (every lint-clean manifest must generate a
 * package that typechecks): it compiles many packages in one tsc program, so
 * it must still reject a broken one and charge the error to the right case,
 * not to its neighbours.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheckPackages } from '../../fuzz/typecheck-packages.js';
import { generate } from '../../generator/generate.js';
import { samplesDir, tempDir } from '../helpers/paths.js';

describe('fuzzer typecheck of generated packages', () => {
  it('passes clean packages and names the case whose package does not compile', async () => {
    const root = tempDir('mcpgen-fuzz-tc-');
    const manifest = join(samplesDir, 'weather', 'mcp.yaml');
    for (const i of [1, 12]) {
      const result = await generate({ manifests: [manifest], out: join(root, 'pkgs', `case-${i}`), emit: ['manifest', 'server', 'client'] });
      expect(result.exitCode, result.diagnostics.map((d) => d.message).join('\n')).toBe(0);
    }
    const packages = [1, 12].map((i) => ({ caseIndex: i, dir: join(root, 'pkgs', `case-${i}`) }));
    expect(typecheckPackages(root, packages)).toEqual([]);

    // A type error in case 1's client: only case 1 fails (case-1 is a prefix of case-12's folder).
    appendFileSync(join(root, 'pkgs', 'case-1', 'client', 'src', 'generated', 'index.ts'), '\nexport const broken: number = "not a number";\n');
    const failures = typecheckPackages(root, packages);
    expect(failures.map((f) => f.caseIndex)).toEqual([1]);
    expect(failures[0]!.errors).toMatch(/^pkgs\/case-1\/client\/src\/generated\/index\.ts\(\d+,\d+\): error TS2322/);
  }, 240_000);
});
