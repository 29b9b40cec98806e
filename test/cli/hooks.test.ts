/**
 * Hooks: afterOneFileWrite runs per written file, afterAllFileWrite once with
 * every written file; neither runs when nothing changed; a failing hook
 * fails the run (exit 1) with its output shown.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';

const RECORD = `import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
const [kind, ...files] = process.argv.slice(2);
appendFileSync('hooks.log', kind + ' ' + files.map((f) => relative(process.cwd(), f)).join(' ') + '\\n');
`;

describe('hooks', () => {
  it('run after writes that changed files, with the changed paths', () => {
    const dir = writeFiles({
      'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { type: object }\n',
      'record.mjs': RECORD,
      'mcpgen.config.yaml': [
        'manifests: [mcp.yaml]',
        'revision: 2025-11-25',
        'targets:',
        '  gen: { emit: [manifest] }',
        'hooks:',
        '  afterOneFileWrite: node record.mjs one',
        '  afterAllFileWrite: [node record.mjs all]',
        '',
      ].join('\n'),
    });
    const first = runCliProcess(['generate'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, 'hooks.log'), 'utf8')).toBe('one gen/manifest.json\nall gen/manifest.json\n');
    // Nothing changed: no hook runs.
    expect(runCliProcess(['generate'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'hooks.log'), 'utf8').split('\n')).toHaveLength(3);
    // --check and --dry-run never run hooks.
    writeFileSync(join(dir, 'mcp.yaml'), 'tools:\n  - name: b\n    inputSchema: { type: object }\n');
    expect(runCliProcess(['generate', '--dry-run'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'hooks.log'), 'utf8').split('\n')).toHaveLength(3);
  });

  it('a failing hook fails the run and shows its output', () => {
    const dir = writeFiles({
      'mcp.yaml': 'tools:\n  - name: a\n    inputSchema: { type: object }\n',
      'mcpgen.config.json': JSON.stringify({
        manifests: ['mcp.yaml'],
        targets: { gen: { emit: ['manifest'] } },
        hooks: { afterAllFileWrite: `node -e "console.error('lint says no'); process.exit(3)"` },
      }),
    });
    const r = runCliProcess(['generate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error  hooks/failed  Hook failed (exit 3)');
    expect(r.stderr).toContain('lint says no');
    // The files were written (the hook runs after the write).
    expect(existsSync(join(dir, 'gen', 'manifest.json'))).toBe(true);
  });
});
