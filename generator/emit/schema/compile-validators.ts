/**
 * Precompiles JSON Schemas (tool input and output schemas) into standalone
 * Ajv validator modules, so the generated server never compiles a schema at
 * start-up. One module per JSON Schema dialect, because Ajv's draft-07 and
 * 2020-12 classes are separate instances and their standalone code would
 * clash in one file.
 *
 * Kept apart from the server emitter so that it can later be unified with the
 * protocol validators (branch `protocol`), which use the same machinery.
 */
import type { Dialect } from '../../spec/revisions.js';
import type { JsonObject } from '../../load/manifest-types.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { escapeGeneratedSource } from '../shared/safe-code.js';

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
  // Lazy: Ajv is heavy and only this emitter needs it.
  const AjvClass =
    dialect === '2020-12' ? (await import('ajv/dist/2020.js')).default.default : (await import('ajv')).default.default;
  const addFormats = (await import('ajv-formats')).default.default;
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  // ownProperties: without it a property named `constructor` or `toString`
  // is "present" on every object (inherited from Object.prototype).
  const ajv = new AjvClass({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    allowUnionTypes: true,
    strict: false,
    ownProperties: true,
  });
  addFormats(ajv);
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
  const source = standaloneCode(ajv, refs);
  return { dialect, code: escapeGeneratedSource(toEsm(source)), exportNames: group.map((s) => s.exportName) };
}

/**
 * Ajv's ESM standalone output still calls `require()` for its runtime helpers
 * and for ajv-formats. Turn every `require("x")` into a default import of the
 * CommonJS module (`x.js`: ajv has no `exports` map, so Node ESM needs the
 * extension); the default import of a CommonJS module is its `module.exports`,
 * which is exactly what `require()` returned.
 */
export function toEsm(source: string): string {
  const specifiers: string[] = [];
  const body = source.replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
    let i = specifiers.indexOf(spec);
    if (i < 0) i = specifiers.push(spec) - 1;
    return `__ajvRuntime${i}`;
  });
  const imports = specifiers.map((s, i) => `import __ajvRuntime${i} from ${JSON.stringify(s.endsWith('.js') ? s : `${s}.js`)};`);
  return ['// @ts-nocheck', ...imports, body.replace(/^"use strict";/, '')].join('\n') + '\n';
}
