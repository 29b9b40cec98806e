/**
 * The committed outputs in output-samples/ are what mcpgen generates now
 * (`generate --check` over every sample), and every sample manifest lints
 * clean, without a single warning, for each revision it is generated for.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../generator/lint/lint.js';
import { samplesDir } from './helpers/paths.js';

const { samples } = JSON.parse(readFileSync(join(samplesDir, 'samples.json'), 'utf8')) as {
  samples: { manifests: string[]; revision: string; out: string }[];
};

describe('output-samples', () => {
  it('are current (generate --check exits 0 for each)', () => {
    const r = spawnSync(process.execPath, [join(samplesDir, 'regenerate.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 180_000); // One CLI run per sample; slow on a loaded 2-core machine.

  for (const sample of samples) {
    it(`${sample.manifests.join(' + ')} lints clean for ${sample.revision}`, () => {
      const result = lint({ manifests: sample.manifests.map((m) => join(samplesDir, m)), revision: sample.revision });
      expect(result.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`)).toEqual([]);
    });
  }
});
