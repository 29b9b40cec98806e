/**
 * `mcpgen lint` end to end (the built CLI as a process): formats, exit codes,
 * --explain, and the committed docs page. `npm test` builds first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesMarkdown } from '../../generator/lint/explain.js';
import { dedent } from '../helpers/lint-manifest.js';
import { repoRoot, samplesDir, tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

const weather = join(samplesDir, 'weather', 'mcp.yaml');

function manifestFile(text: string): { dir: string; file: string } {
  const dir = tempDir('mcpgen-cli-lint-');
  const file = join(dir, 'mcp.yaml');
  writeFileSync(file, dedent(text));
  return { dir, file };
}

const BAD = `
  revision: 2025-11-25
  tools:
    - name: get user
      inputSchema: { type: object, additionalProperties: false }
`;

describe('mcpgen lint', () => {
  it.each(['2025-11-25', '2026-07-28'])('finds nothing in the weather sample for %s', (revision) => {
    const run = runCliProcess(['lint', weather, '--revision', revision, '--format', 'json', '--max-warnings', '0']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ version: 1, diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
    expect(run.code).toBe(0);
  });

  it('prints text grouped by file with a code frame and a summary, and exits 1 on errors', () => {
    const { dir } = manifestFile(BAD);
    const run = runCliProcess(['lint', 'mcp.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mcp.yaml:3:11  error  tool-name/space-or-comma  Tool name "get user" contains a space.');
    expect(run.stderr).toContain('> 3 |   - name: get user');
    expect(run.stderr).toContain('mcp.yaml:3:5  warning  text/missing-description');
    expect(run.stderr.trimEnd().split('\n').pop()).toBe('1 error, 1 warning');
  });

  it('prints the documented JSON shape', () => {
    const { dir } = manifestFile(BAD);
    const run = runCliProcess(['lint', 'mcp.yaml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'code', 'message']));
    }
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['text/missing-description', 'tool-name/space-or-comma']);
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when they do not', () => {
    const { dir } = manifestFile(`
      revision: 2025-11-25
      tools:
        - name: t
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(runCliProcess(['lint', 'mcp.yaml', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    expect(runCliProcess(['lint', 'mcp.yaml', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
  });

  it('exits 2 when a file cannot be read, without a stack trace', () => {
    const run = runCliProcess(['lint', 'no-such-file.yaml', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics[0].code).toBe('input/unreadable');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('strict profile reports client-compatibility problems', () => {
    const { dir } = manifestFile(`
      revision: 2025-11-25
      tools:
        - name: admin.list
          description: d
          inputSchema: { type: object, additionalProperties: false }
    `);
    expect(runCliProcess(['lint', 'mcp.yaml'], { cwd: dir }).code).toBe(0);
    const run = runCliProcess(['lint', 'mcp.yaml', '--profile', 'strict', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['tool-name/client-compat']);
  });
});

describe('mcpgen lint --format sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema and carries rules and locations', async () => {
    const { dir } = manifestFile(BAD);
    const run = runCliProcess(['lint', 'mcp.yaml', '--format', 'sarif'], { cwd: dir });
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);

    // The schema ships in @microsoft/jest-sarif (draft-04; for this schema the only
    // difference from draft-07 that matters is `id` instead of `$id`).
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const Ajv = require('ajv').default;
    const addFormats = require('ajv-formats').default;
    // unicodeRegExp: false, because one pattern of the SARIF schema is not valid with the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);

    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('mcpgen');
    const rule = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'tool-name/space-or-comma');
    expect(rule.shortDescription.text).toBe('Tool name contains a space or comma');
    expect(rule.fullDescription.text).toMatch(/SHOULD NOT contain spaces/);
    expect(rule.help.text).toBe('Use `_` or `-` between words.');
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'tool-name/space-or-comma');
    expect(result.level).toBe('error');
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('tool-name/space-or-comma');
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'mcp.yaml' }, region: { startLine: 3, startColumn: 11 } });
  });
});

describe('mcpgen lint --explain', () => {
  it('prints title, severity, cause and fix', () => {
    const run = runCliProcess(['lint', '--explain', 'x-mcp-header/sensitive']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^x-mcp-header\/sensitive: Likely-sensitive parameter mirrored into a header\nSeverity: warning\nCause: .+\nFix: .+\n$/);
  });

  it('exits 2 for an unknown code and suggests the closest', () => {
    const run = runCliProcess(['lint', '--explain', 'tool-name/to-long']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown code "tool-name/to-long". Did you mean "tool-name/too-long"');
  });

  it('docs/lint-rules.md is current (regenerate: mcpgen lint --explain all --format md > docs/lint-rules.md)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'lint-rules.md'), 'utf8')).toBe(renderRulesMarkdown());
    const run = runCliProcess(['lint', '--explain', 'all', '--format', 'md']);
    expect(run.stdout).toBe(renderRulesMarkdown());
  });
});
