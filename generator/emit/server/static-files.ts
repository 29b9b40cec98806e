/**
 * Runtime modules that are the same for every manifest (HTTP serving, command
 * line, helpers). They live as real TypeScript under `templates/server/` so
 * that they are readable and typechecked with every sample, and are copied
 * into `src/generated/` on each run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { OutputFile } from '../../output/file-map.js';
import { GENERATED_DIR } from './paths.js';

const STATIC_MODULES = [
  'runtime.ts',
  'http.ts',
  'main.ts',
  'register.ts',
  'sdk-compat.ts',
  'uri-template.ts',
  'principals.ts',
  'sessions.ts',
  'origins.ts',
  'scopes.ts',
  'errors.ts',
  'shutdown.ts',
  'bad-input.ts',
  'stdio.ts',
  'older-revisions.ts',
] as const;

export function staticFiles(): OutputFile[] {
  return STATIC_MODULES.map((name) => ({
    path: `${GENERATED_DIR}/${name}`,
    owner: 'generated',
    contents: readFileSync(join(packageRoot(), 'templates', 'server', name), 'utf8'),
  }));
}
