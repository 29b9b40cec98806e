/**
 * The published manifest schema (for editors) agrees with the loader, and the
 * sample manifests validate against it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import { IGNORED_LIST_RESULT_KEYS, MANIFEST_KEYS } from '../../generator/load/manifest-types.js';
import { repoRoot, samplesDir } from '../helpers/paths.js';

const Ajv = AjvModule.default;
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'manifest.schema.json'), 'utf8'));

describe('schema/manifest.schema.json', () => {
  it('lists exactly the top-level keys the loader accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANIFEST_KEYS, ...IGNORED_LIST_RESULT_KEYS].sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the revisions of the registry', () => {
    const registry = JSON.parse(readFileSync(join(repoRoot, 'schema', 'revisions.json'), 'utf8'));
    expect(schema.properties.revision.enum).toEqual(registry.revisions.map((r: { id: string }) => r.id));
  });

  it('accepts every sample manifest and rejects an unknown key', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const manifests = readdirSync(samplesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(samplesDir, d.name)).filter((f) => /^mcp.*\.ya?ml$/.test(f)).map((f) => join(samplesDir, d.name, f)));
    expect(manifests.length).toBeGreaterThan(0);
    for (const file of manifests) {
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(ok, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ tool: [] })).toBe(false);
  });
});
