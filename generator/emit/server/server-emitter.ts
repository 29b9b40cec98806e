/**
 * `--emit server`: a runnable MCP server package on the official TypeScript
 * SDK. Two layers: `src/generated/` (rewritten on every run: metadata, types,
 * validators, registration, transports) and the user layer (package files,
 * entry, one handler stub per tool/resource/template/prompt; created once).
 */
import type { Emitter } from '../emitter.js';
import type { OutputFile } from '../../output/file-map.js';
import { capabilityStubs } from './capability-handlers.js';
import { handlersIndexModuleParts, stubFiles } from './handler-files.js';
import { metadataModuleParts } from './metadata-module.js';
import { parted } from '../../output/parted-text.js';
import { optionsModule } from './options-module.js';
import { packageFiles } from './package-files.js';
import { GENERATED_DIR } from './paths.js';
import { registrationModuleParts } from './registration-module.js';
import { serverJsonFiles } from './server-json.js';
import { staticFiles } from './static-files.js';
import { toolTypeModules, validatorIndexModule, validatorModuleFiles } from '../shared/tool-modules.js';
import { typesModuleParts } from './types-module.js';
import { laidOut } from '../shared/laid-out.js';

export const serverEmitter: Emitter = {
  name: 'server',
  description: 'a typed MCP server package on the official TypeScript SDK (stdio and Streamable HTTP)',
  async emit({ ir, artifacts, header }) {
    const generated = (path: string, contents: string): OutputFile => ({ path: `${GENERATED_DIR}/${path}`, contents, owner: 'generated' });

    // Types and validators are per-tool artifacts shared by every emitter (pipeline/tool-artifacts.ts).
    const modules = await artifacts.validators();
    const toolTypes = await artifacts.toolTypes();

    const files: OutputFile[] = [
      ...packageFiles(ir),
      ...serverJsonFiles(ir),
      ...stubFiles(ir),
      ...capabilityStubs(ir),
      ...staticFiles(),
      // Parted (output/parted-text.ts): the 2 MB tool table is not joined into one string.
      parted({ path: `${GENERATED_DIR}/metadata.ts`, owner: 'generated' as const }, metadataModuleParts(ir)),
      // Parted too: a part per tool, so a one-tool edit encodes that tool's lines only.
      parted({ path: `${GENERATED_DIR}/types.ts`, owner: 'generated' as const }, typesModuleParts(ir)),
      parted({ path: `${GENERATED_DIR}/create-server.ts`, owner: 'generated' as const }, registrationModuleParts(ir)),
      generated('server-options.ts', optionsModule(ir)),
      parted({ path: `${GENERATED_DIR}/handlers.ts`, owner: 'generated' as const }, handlersIndexModuleParts(ir)),
      ...modules.flatMap((m) => validatorModuleFiles(`${GENERATED_DIR}/validators`, m, header)),
      generated('validators/index.ts', validatorIndexModule(modules)),
      // Already formatted by schemaToTypes: the write stage skips prettier for them.
      ...toolTypeModules(
        ir,
        (id) => toolTypes.get(id)!.input,
        (id) => toolTypes.get(id)!.output,
      ).map((m) => ({ ...generated(m.path, m.contents), formatted: true })),
    ];
    return files.map(laidOut);
  },
};
