/**
 * Precompiles JSON Schemas (tool input and output schemas) into standalone
 * Ajv validator modules, so the generated server never compiles a schema at
 * start-up. One module per JSON Schema dialect, because Ajv's draft-07 and
 * 2020-12 classes are separate instances and their standalone code would
 * clash in one file.
 * Ajv itself is driven through ajv-standalone.ts, shared with the protocol
 * validators.
 */
import type { Dialect } from '../../spec/revisions.js';
import type { JsonObject } from '../../load/manifest-types.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { escapeGeneratedSource } from '../shared/safe-code.js';
import { createAjv, standaloneModule } from './ajv-standalone.js';

export interface SchemaToCompile {
  /** Export name of the validator function: a valid, unique JS identifier. */
  exportName: string;
  schema: JsonObject;
  /** For error messages (`/tools/0/inputSchema`). */
  pointer: string;
}

export interface CompiledModule {
  /** File name stem (`draft-07`, `2020-12`), fixed, never from a manifest. */
  dialect: Dialect;
  /** ESM TypeScript source (`// @ts-nocheck`: Ajv emits untyped JavaScript). */
  code: string;
  exportNames: string[];
}

const DRAFT_07 = /json-schema\.org\/draft-0[4-7]\/schema/;
const DRAFT_2020 = /json-schema\.org\/draft\/2020-12\/schema/;

/** The dialect a schema is written in: its `$schema`, else the revision's default. */
export function schemaDialect(schema: JsonObject, fallback: Dialect): Dialect {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (DRAFT_07.test(declared)) return 'draft-07';
  if (DRAFT_2020.test(declared)) return '2020-12';
  return fallback;
}

export async function compileValidators(schemas: SchemaToCompile[], fallback: Dialect): Promise<CompiledModule[]> {
  const groups = new Map<Dialect, SchemaToCompile[]>();
  for (const s of schemas) {
    const d = schemaDialect(s.schema, fallback);
    groups.set(d, [...(groups.get(d) ?? []), s]);
  }
  const modules: CompiledModule[] = [];
  for (const [dialect, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    modules.push(await compileGroup(dialect, group));
  }
  return modules;
}

async function compileGroup(dialect: Dialect, group: SchemaToCompile[]): Promise<CompiledModule> {
  // allErrors: an invalid call names every bad field. ownProperties: without
  // it a property named `constructor` or `toString` is "present" on every
  // object (inherited from Object.prototype). useDefaults: input defaults are
  // applied before the handler runs (output schemas arrive without `default`).
  const ajv = await createAjv(dialect, { source: true, allErrors: true, ownProperties: true, useDefaults: true });
  const refs: Record<string, string> = {};
  for (const s of group) {
    const key = `mcpgen:${s.exportName}`;
    // `$id` would register the schema under a second key and may clash
    // between tools; the generated module addresses schemas by export name.
    const { $id: _ignored, ...schema } = s.schema;
    try {
      ajv.addSchema(schema, key);
      ajv.getSchema(key);
    } catch (err) {
      throw new McpgenError({
        code: 'output/format-failed',
        severity: 'error',
        message: `The schema at ${s.pointer} cannot be compiled into a validator: ${(err as Error).message}`,
        hint: 'Check the schema against its JSON Schema dialect.',
      });
    }
    refs[s.exportName] = key;
  }
  // The generated package depends on ajv and ajv-formats, so formats mcpgen
  // does not inline are imported from them.
  const source = await standaloneModule(ajv, refs, { allowImports: true });
  return { dialect, code: escapeGeneratedSource(`// @ts-nocheck\n${source}\n`), exportNames: group.map((s) => s.exportName) };
}
