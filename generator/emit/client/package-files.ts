/**
 * The user-owned files of a generated client package: package.json,
 * tsconfig.json (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes:
 * the generated code compiles under all three), the entry `src/index.ts` and
 * an OAuth example. Created once; afterwards they belong to the user.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IR } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import { packageRoot } from '../../package-root.js';
import { clientClassName } from './client-module.js';
import { jsonLayout } from '../shared/json-layout.js';

/** Exact versions the generated client is written and tested against. */
export const CLIENT_RUNTIME_DEPENDENCIES = {
  '@modelcontextprotocol/client': '2.4.0',
  ajv: '8.20.0',
  'ajv-formats': '3.0.1',
} as const;

export const CLIENT_DEV_DEPENDENCIES = {
  '@types/node': '20.19.43',
  typescript: '6.0.3',
} as const;

/** An npm package name from the server name (lowercase, URL-safe). */
function packageName(serverName: string): string {
  const name = serverName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '')
    .slice(0, 190);
  return `${name || 'mcp'}-client`;
}

export const CLIENT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    declaration: true,
    rootDir: 'src',
    outDir: 'dist',
    isolatedModules: true,
    verbatimModuleSyntax: true,
  },
  include: ['src'],
};

export function clientPackageFiles(ir: IR): OutputFile[] {
  const pkg = {
    name: packageName(ir.server.name),
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20' },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
    scripts: { build: 'tsc -p tsconfig.json' },
    dependencies: CLIENT_RUNTIME_DEPENDENCIES,
    devDependencies: CLIENT_DEV_DEPENDENCIES,
  };
  return [
    { path: 'package.json', owner: 'user', contents: jsonLayout(pkg) },
    { path: 'tsconfig.json', owner: 'user', contents: jsonLayout(CLIENT_TSCONFIG) },
    {
      path: 'src/index.ts',
      owner: 'user',
      contents: `/**
 * Package entry (yours: mcpgen created it once and never overwrites it).
 * Everything the generated client offers is in ./generated/.
 */
export * from './generated/index.js';
`,
    },
    {
      path: 'src/oauth-example.ts',
      owner: 'user',
      // The template is real TypeScript with a placeholder class name; class names are identifiers.
      contents: readFileSync(join(packageRoot(), 'templates', 'client', 'oauth-example.ts'), 'utf8').replaceAll('__CLIENT__', clientClassName(ir)),
    },
  ];
}
