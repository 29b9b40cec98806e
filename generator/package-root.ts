/**
 * Locates files shipped with the package (schema/, templates/). The same code
 * runs from `generator/` under vitest and from `dist/generator/` when built,
 * so the root is found by walking up to our own package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'mcpgen') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mcpgen: cannot find its own package.json');
    dir = parent;
  }
}

let version: string | undefined;

/** mcpgen's version (read once per process; every generated header and the IR hash use it). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
