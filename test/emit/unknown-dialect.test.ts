/**
 * Lint and generate agree (issue 11): a tool schema whose `$schema` names a
 * dialect mcpgen does not know only gets a lint warning, so it must generate.
 * The fuzzer found such lint-clean manifests failing generate: the validator
 * compiler's Ajv fallback looked for a meta-schema named by the bogus `$schema`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { lint } from '../../generator/lint/lint.js';
import { tempDir } from '../helpers/paths.js';

const schemas = ['AAAA', 'http://json-schema.org/draft-04/schema#', 'https://example.com/my-dialect'];

describe('a tool schema with an unknown $schema', () => {
  it.each(schemas)('$schema %s: lint warns, generate succeeds', async ($schema) => {
    const dir = tempDir('mcpgen-dialect-');
    const file = join(dir, 'mcp.json');
    const inputSchema = { $schema, type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'], additionalProperties: false };
    writeFileSync(file, JSON.stringify({ server: { name: 'd', version: '1.0.0' }, tools: [{ name: 'find', inputSchema }] }));
    const linted = lint({ manifests: [file], cwd: dir });
    expect(linted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(linted.diagnostics.map((d) => d.code)).toContain('tool-schema/unknown-dialect');
    const result = await generate({ manifests: [file], cwd: dir, out: join(dir, 'out'), emit: ['manifest', 'server'], mode: 'dry-run', offline: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
