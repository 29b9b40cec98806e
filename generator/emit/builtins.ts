/**
 * What the built-in emitters declare under the emitter contract (files,
 * user-owned files, npm dependencies). Kept beside, not inside, their
 * implementations: the declarations are the build step's business.
 */
import type { Emitter } from './emitter.js';

export const manifestDeclarations: Partial<Emitter> = {
  package: false,
  files: ['manifest.json'],
  userOwned: [],
};

export async function serverDeclarations(): Promise<Partial<Emitter>> {
  const { RUNTIME_DEPENDENCIES, DEV_DEPENDENCIES } = await import('./server/package-files.js');
  return {
    package: true,
    files: ['package.json', 'tsconfig.json', 'server.json', 'src/**'],
    userOwned: ['package.json', 'tsconfig.json', 'src/server.ts', 'src/setup.ts', 'src/auth.ts', 'src/handlers/**'],
    dependencies: { dependencies: { ...RUNTIME_DEPENDENCIES }, devDependencies: { ...DEV_DEPENDENCIES } },
  };
}
