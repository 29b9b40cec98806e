/**
 * `--emit client`: a typed client package on the official TypeScript SDK
 * client. Files are relative to the package root: `src/generated/` is
 * rewritten on every run (metadata, per-tool types, precompiled validators,
 * the client class, runtime), the package files and entry are the user's.
 * Per-tool types and validators are the run's shared artifacts
 * (pipeline/tool-artifacts.ts): output types and validators as the server
 * has them, input types in the caller's view (defaulted properties optional).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emitter } from '../emitter.js';
import type { OutputFile } from '../../output/file-map.js';
import { packageRoot } from '../../package-root.js';
import { metadataModuleParts } from '../server/metadata-module.js';
import { parted } from '../../output/parted-text.js';
import { toolTypeModules, validatorIndexModule, validatorModuleFiles } from '../shared/tool-modules.js';
import { clientModule } from './client-module.js';
import { CLIENT_DEV_DEPENDENCIES, CLIENT_RUNTIME_DEPENDENCIES, clientPackageFiles } from './package-files.js';
import { laidOut } from '../shared/laid-out.js';

const GENERATED_DIR = 'src/generated';
/** Runtime modules that are the same for every manifest (templates/client/, typechecked with the tests). */
const STATIC_MODULES = ['runtime.ts', 'connect.ts', 'uri-template.ts', 'verify.ts'] as const;

const INDEX = `export * from './client.js';
export { InvalidArgumentsError, RevisionMismatchError, ToolError } from './runtime.js';
export { expandUriTemplate, UriTemplateError, type UriTemplateVariables } from './uri-template.js';
export { schemaHash, type VerifyReport } from './verify.js';
export type { HttpServer, StdioServer } from './connect.js';
`;

export const clientEmitter: Emitter = {
  name: 'client',
  description: 'a typed MCP client package on the official TypeScript SDK client (validated calls, pinned revision, verify())',
  package: true,
  files: ['package.json', 'tsconfig.json', 'src/**'],
  userOwned: ['package.json', 'tsconfig.json', 'src/index.ts', 'src/oauth-example.ts'],
  dependencies: { dependencies: { ...CLIENT_RUNTIME_DEPENDENCIES }, devDependencies: { ...CLIENT_DEV_DEPENDENCIES } },
  async emit({ ir, artifacts, header }) {
    const generated = (path: string, contents: string): OutputFile => ({ path: `${GENERATED_DIR}/${path}`, contents, owner: 'generated' });
    const modules = await artifacts.validators();
    const toolTypes = await artifacts.toolTypes();
    const argumentTypes = await artifacts.argumentTypes();
    const files: OutputFile[] = [
      ...clientPackageFiles(ir),
      ...STATIC_MODULES.map((name) => generated(name, readFileSync(join(packageRoot(), 'templates', 'client', name), 'utf8'))),
      // Parted (output/parted-text.ts): the 2 MB tool table is not joined into one string.
      parted({ path: `${GENERATED_DIR}/metadata.ts`, owner: 'generated' as const }, metadataModuleParts(ir)),
      generated('client.ts', clientModule(ir)),
      generated('index.ts', INDEX),
      ...modules.flatMap((m) => validatorModuleFiles(`${GENERATED_DIR}/validators`, m, header)),
      generated('validators/index.ts', validatorIndexModule(modules)),
      // Already formatted by schemaToTypes: the write stage skips prettier for them.
      ...toolTypeModules(
        ir,
        (id) => argumentTypes.get(id)!,
        (id) => toolTypes.get(id)?.output,
      ).map((m) => ({ ...generated(m.path, m.contents), formatted: true })),
    ];
    return files.map(laidOut);
  },
};
