/**
 * The user-owned scaffolding of a generated server package: package.json,
 * tsconfig.json, the entry `src/server.ts` and (with auth) `src/auth.ts`.
 * Created once; afterwards they belong to the user (dependencies, scripts and
 * compiler options are theirs to change).
 */
import type { IR } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import { publishInfo } from '../shared/publish-info.js';
import { jsonLayout } from '../shared/json-layout.js';

/** Exact versions the generated code is written and tested against. */
export const RUNTIME_DEPENDENCIES = {
  '@modelcontextprotocol/node': '2.1.2',
  '@modelcontextprotocol/server': '2.4.0',
  ajv: '8.20.0',
  'ajv-formats': '3.0.1',
} as const;

export const DEV_DEPENDENCIES = {
  '@types/node': '20.19.43',
  typescript: '6.0.3',
} as const;

export { packageName } from '../shared/publish-info.js';

export function packageFiles(ir: IR): OutputFile[] {
  // A package published to the MCP Registry: `mcpName` ties it to its entry
  // (server.json `name`), and `bin` makes the `npx` line of the docs work.
  const publish = publishInfo(ir);
  const pkg = {
    name: publish.packageName,
    ...(publish.registryName
      ? { mcpName: publish.registryName, bin: { [publish.binName]: 'dist/server.js' }, files: ['dist'] }
      : { private: true }),
    version: publish.packageVersion,
    type: 'module',
    engines: { node: '>=20' },
    scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js' },
    dependencies: RUNTIME_DEPENDENCIES,
    devDependencies: DEV_DEPENDENCIES,
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
      isolatedModules: true,
      verbatimModuleSyntax: true,
    },
    include: ['src'],
  };
  const files: OutputFile[] = [
    { path: 'package.json', owner: 'user', contents: jsonLayout(pkg) },
    { path: 'tsconfig.json', owner: 'user', contents: jsonLayout(tsconfig) },
    {
      path: 'src/server.ts',
      owner: 'user',
      contents: `#!/usr/bin/env node
/**
 * Server entry (yours: mcpgen created it once and never overwrites it).
 * \`node dist/server.js --stdio\` serves stdio (not \`npm start\`: npm prints
 * its banner on stdout, which carries the protocol); \`node dist/server.js
 * --port 3000\` serves Streamable HTTP on http://127.0.0.1:3000/mcp.
 */
import { main } from './generated/main.js';

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
`,
    },
    {
      path: 'src/setup.ts',
      owner: 'user',
      contents: `/**
 * Your hook into every server instance (yours: created once, never
 * overwritten). Called after the manifest's tools, resources and prompts are
 * registered: declare extra capabilities (logging, completions, resource
 * subscriptions) and register their request handlers here.
 */
import type { McpServer } from '@modelcontextprotocol/server';

export function setup(_server: McpServer): void {
  // Nothing to add yet.
}
`,
    },
  ];
  if (ir.auth) {
    files.push({
      path: 'src/auth.ts',
      owner: 'user',
      contents: `/**
 * Bearer-token verification for the HTTP transport (yours: created once,
 * never overwritten). For a valid token issued for this server (check
 * signature, expiry and audience), return who it belongs to: \`subject\`
 * (the user or client: sessions belong to it, limits count per it), its
 * \`scopes\` and, if known, \`expiresAt\` (seconds since the epoch) and
 * \`resource\` (its audience). Return undefined to answer 401.
 */
import type { Principal } from './generated/http.js';

export async function verifyToken(_token: string): Promise<Principal | undefined> {
  // Not implemented: every request is refused until you verify tokens here.
  return undefined;
}
`,
    });
  }
  return files;
}
