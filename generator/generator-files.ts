/**
 * The files that make up mcpgen's behaviour, for the caches that must not
 * outlive a change to it (the no-op stamp identifies them by stat, the
 * content cache by contents): every module in the folder of the running
 * code (CODE_ROOT: tsc's `.js`, the bundle's `.cjs` chunks, `.ts` when run
 * from source, and JSON), and every file under templates/ and schema/
 * (stylesheets and dotfile templates shape output as much as `.hbs` files).
 * Not: declaration files and V8 code caches (they cannot change output),
 * nor the help cache.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { CODE_ROOT } from './code-root.js';
import { packageRoot } from './package-root.js';

/** A module of the running code, by file name. */
export function isCodeModule(name: string): boolean {
  return /\.(?:[cm]?js|ts|json)$/.test(name) && !name.endsWith('.d.ts') && name !== 'help-cache.json';
}

export interface GeneratorFile {
  /** Absolute path. */
  path: string;
  /** Path from its root (code, templates or schema), with `/`, prefixed by the root's name: stable across installations. */
  key: string;
}

/** Every such file, in a fixed order (by root, then by path). */
export function listGeneratorFiles(): GeneratorFile[] {
  const files: GeneratorFile[] = [];
  const roots: [name: string, dir: string, wanted: (name: string) => boolean][] = [
    ['code', CODE_ROOT, isCodeModule],
    ['templates', join(packageRoot(), 'templates'), () => true],
    ['schema', join(packageRoot(), 'schema'), () => true],
  ];
  for (const [name, root, wanted] of roots) {
    // `key` is the path of `dir` from the root, with a `/` after each folder.
    const walk = (dir: string, key: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (e.isDirectory()) walk(dir + sep + e.name, `${key}${e.name}/`);
        else if (wanted(e.name)) files.push({ path: dir + sep + e.name, key: key + e.name });
      }
    };
    walk(root, `${name}/`);
  }
  return files;
}
