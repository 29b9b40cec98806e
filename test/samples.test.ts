/**
 * The committed outputs in output-samples/ are what mcpgen generates now
 * (`generate --check` over every sample).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir } from './helpers/paths.js';

describe('output-samples', () => {
  it('are current (generate --check exits 0 for each)', () => {
    const r = spawnSync(process.execPath, [join(samplesDir, 'regenerate.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
