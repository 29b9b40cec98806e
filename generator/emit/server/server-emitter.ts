/**
 * `--emit server`: a runnable MCP server package on the official TypeScript
 * SDK. Two layers: `src/generated/` (rewritten on every run: metadata, types,
 * validators, registration, transports) and the user layer (package files,
 * entry, one handler stub per tool/resource/template/prompt; created once).
 */
import type { Emitter } from '../emitter.js';
import type { OutputFile } from '../../output/file-map.js';
import { capabilityStubs } from './capability-handlers.js';
import { handlersIndexModule, stubFiles } from './handler-files.js';
import { metadataModule } from './metadata-module.js';
import { optionsModule } from './options-module.js';
import { packageFiles } from './package-files.js';
import { GENERATED_DIR } from './paths.js';
import { registrationModule } from './registration-module.js';
import { serverJsonFiles } from './server-json.js';
import { staticFiles } from './static-files.js';
import { typesModule } from './types-module.js';

export const serverEmitter: Emitter = {
  name: 'server',
  description: 'a typed MCP server package on the official TypeScript SDK (stdio and Streamable HTTP)',
  async emit({ ir, artifacts }) {
    const generated = (path: string, contents: string): OutputFile => ({ path: `${GENERATED_DIR}/${path}`, contents, owner: 'generated' });

    // Types and validators are per-tool artifacts shared by every emitter (pipeline/tool-artifacts.ts).
    const modules = await artifacts.validators();
    const toolTypes = await artifacts.toolTypes();
    const validatorIndex = [
      `import type { CompiledValidator } from '../runtime.js';`,
      ...modules.map((m, i) => `import * as dialect${i} from './${m.dialect}.js';`),
      '',
      '/** Precompiled validators (`<identifier>Input`, `<identifier>Output`). */',
      ...modules.flatMap((m, i) => m.exportNames.map((name) => `export const ${name}: CompiledValidator = dialect${i}.${name};`)),
      '',
    ].join('\n');

    return [
      ...packageFiles(ir),
      ...serverJsonFiles(ir),
      ...stubFiles(ir),
      ...capabilityStubs(ir),
      ...staticFiles(),
      { ...generated('metadata.ts', metadataModule(ir)), formatted: true },
      generated('types.ts', typesModule(ir)),
      generated('create-server.ts', registrationModule(ir)),
      generated('server-options.ts', optionsModule(ir)),
      generated('handlers.ts', handlersIndexModule(ir)),
      // Ajv's output (with `lines`) is readable as is; prettier would spend most
      // of a large run on it (about 8 KB of code per schema).
      ...modules.map((m) => ({ ...generated(`validators/${m.dialect}.ts`, m.code), formatted: true })),
      generated('validators/index.ts', validatorIndex),
      ...ir.tools.flatMap((t) => {
        const types = toolTypes.get(t.identifier)!;
        return [
          generated(`tools/${t.identifier}.input.ts`, types.input),
          ...(types.output !== undefined ? [generated(`tools/${t.identifier}.output.ts`, types.output)] : []),
        ];
      }),
    ];
  },
};
