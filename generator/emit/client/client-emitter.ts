/**
 * `--emit client`: a typed client package on the official TypeScript SDK
 * client. Files are relative to the package root: `src/generated/` is
 * rewritten on every run (metadata, per-tool types, precompiled validators,
 * the client class, runtime), the package files and entry are the user's.
 * Per-tool types and validators come from the same functions the server
 * emitter uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emitter } from '../emitter.js';
import type { OutputFile } from '../../output/file-map.js';
import { packageRoot } from '../../package-root.js';
import { compileValidators, type SchemaToCompile } from '../schema/compile-validators.js';
import { metadataModule } from '../server/metadata-module.js';
import { toolTypeFiles } from '../server/types-module.js';
import { clientModule } from './client-module.js';
import { clientPackageFiles } from './package-files.js';

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
  async emit({ ir }) {
    const generated = (path: string, contents: string): OutputFile => ({ path: `${GENERATED_DIR}/${path}`, contents, owner: 'generated' });
    const schemas: SchemaToCompile[] = ir.tools.flatMap((t) => [
      { exportName: `${t.identifier}Input`, schema: t.inputSchema, pointer: `${t.pointer}/inputSchema` },
      ...(t.outputSchema ? [{ exportName: `${t.identifier}Output`, schema: t.outputSchema, pointer: `${t.pointer}/outputSchema` }] : []),
    ]);
    const modules = await compileValidators(schemas, ir.revision.dialect);
    const validatorIndex = [
      `import type { CompiledValidator } from '../runtime.js';`,
      ...modules.map((m, i) => `import * as dialect${i} from './${m.dialect}.js';`),
      '',
      '/** Precompiled validators by export name (`<identifier>Input`, `<identifier>Output`). */',
      `export const validators = { ${modules.map((_, i) => `...dialect${i}`).join(', ')} } as unknown as Record<string, CompiledValidator>;`,
      '',
    ].join('\n');
    return [
      ...clientPackageFiles(ir),
      ...STATIC_MODULES.map((name) => generated(name, readFileSync(join(packageRoot(), 'templates', 'client', name), 'utf8'))),
      { ...generated('metadata.ts', metadataModule(ir)), formatted: true },
      generated('client.ts', clientModule(ir)),
      generated('index.ts', INDEX),
      ...modules.map((m) => ({ ...generated(`validators/${m.dialect}.ts`, m.code), formatted: true })),
      generated('validators/index.ts', validatorIndex),
      ...(await toolTypeFiles(ir)),
    ];
  },
};
