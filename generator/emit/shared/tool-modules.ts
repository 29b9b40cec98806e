/**
 * The per-tool modules every generated package (server, client) carries
 * under `src/generated/`: one type module per tool schema and the index of
 * the precompiled validators. Written once here so both packages lay them out
 * alike; the sources come from the run's shared artifacts.
 */
import type { IR } from '../../ir/model.js';
import type { CompiledModule } from '../schema/compile-validators.js';
import type { OutputFile } from '../../output/file-map.js';
import { headerText, type HeaderInfo } from '../../output/header.js';
import { PRINT_WIDTH } from './code-layout.js';
import { parted } from '../../output/parted-text.js';

/**
 * `tools/<identifier>.input.ts` and, with an outputSchema, `.output.ts` (paths
 * relative to `src/generated/`). Their sources come from `schemaToTypes`,
 * which returns them already formatted.
 */
export function toolTypeModules(
  ir: IR,
  input: (identifier: string) => string,
  output: (identifier: string) => string | undefined,
): { path: string; contents: string }[] {
  return ir.tools.flatMap((t) => {
    const out = output(t.identifier);
    return [
      { path: `tools/${t.identifier}.input.ts`, contents: input(t.identifier) },
      ...(out !== undefined ? [{ path: `tools/${t.identifier}.output.ts`, contents: out }] : []),
    ];
  });
}

/**
 * A validator module's files (CompiledModule.files: the module, or its
 * sections and the file re-exporting them) under `folder`. With the run's
 * header known, each text is built with the header in front (`headed`): the
 * write stage would otherwise copy the whole module (13 MB at 1,000 tools)
 * once more to put it there; and it is parted (output/parted-text.ts): the
 * write stage hashes and writes its parts without joining them.
 */
export function validatorModuleFiles(folder: string, module: CompiledModule, header: HeaderInfo | undefined): OutputFile[] {
  return module.files.map((file) => {
    const path = `${folder}/${file.stem}.ts`;
    return header
      ? parted({ path, owner: 'generated' as const, headed: true }, file.partsAfter(headerText(path, header)))
      : { path, contents: file.partsAfter('').join(''), owner: 'generated' as const };
  });
}

/**
 * `validators/index.ts`: each precompiled validator as a named export and all
 * of them in one record by name (the client looks them up by name). Every
 * export is typed by assignment, so nothing switches the checker off.
 */
export function validatorIndexModule(modules: CompiledModule[]): string {
  const names = modules.flatMap((m, i) => m.exportNames.map((name) => ({ name, i })));
  return [
    `import type { CompiledValidator } from '../runtime.js';`,
    ...modules.map((m, i) => `import * as dialect${i} from './${m.dialect}.js';`),
    '',
    '/** Precompiled validators (`<identifier>Input`, `<identifier>Output`). */',
    ...names.map(({ name, i }) => `export const ${name}: CompiledValidator = dialect${i}.${name};`),
    '',
    '/** The same validators by export name. */',
    validatorRecord(names.map((n) => n.name)),
    '',
  ].join('\n');
}

function validatorRecord(names: string[]): string {
  const head = 'export const validators: Record<string, CompiledValidator> = {';
  const flat = `${head} ${names.join(', ')} };`;
  if (flat.length <= PRINT_WIDTH) return flat;
  return `${head}\n${names.map((n) => `  ${n},\n`).join('')}};`;
}
