// Regenerates (or, with --check, verifies) every committed sample output with
// the built CLI. Used by `npm run samples` and `npm run samples:check`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'dist', 'generator', 'bin', 'mcpgen.cjs');
const { samples } = JSON.parse(readFileSync(join(here, 'samples.json'), 'utf8'));
// Regeneration ignores the incremental cache: between releases mcpgen's
// version (part of the cache key) stays the same while its emitters change.
const extra = process.argv.includes('--check') ? process.argv.slice(2) : ['--force', ...process.argv.slice(2)];
let failed = 0;
for (const s of samples) {
  // A sample with a config is generated from it (every target), as its users would.
  const args = s.config
    ? [bin, 'generate', '--config', join(here, s.config), ...extra]
    : [bin, 'generate', ...s.manifests.flatMap((m) => ['--manifest', join(here, m)]), '--revision', s.revision, '--emit', s.emit.join(','), '--out', join(here, s.out), ...extra];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
