/**
 * Per-tool artifacts every emitter may need (TypeScript types for each tool's
 * input and output, precompiled validators), computed once per run and shared,
 * instead of each emitter (server, client, docs, plug-ins) deriving them
 * again. Lazy: a run whose emitters never ask pays nothing (validator
 * compilation is the slowest part of generation).
 */
import type { IR } from '../ir/model.js';
import type { JsonObject } from '../load/manifest-types.js';
import { withDefaultsRequired, withoutDefaults } from '../emit/schema/defaults.js';
import type { CompiledModule, SchemaToCompile } from '../emit/schema/compile-validators.js';
import { countWork } from './work-counts.js';
import { ObjectMemo, jsonOf, runMemosKept } from './run-memos.js';
import { McpgenError } from '../diagnostics/diagnostic.js';

export interface ToolTypeModules {
  /**
   * Module source declaring `<typeName>Input` (and any nested named types) as
   * a handler receives it: properties with a `default` are present, since the
   * server applies defaults before the handler runs.
   */
  input: string;
  /** Module source declaring `<typeName>Output`, when the tool has an outputSchema. */
  output?: string;
}

export interface ToolArtifacts {
  /** Type modules by tool identifier, in tool order (handler view: defaulted properties present). */
  toolTypes(): Promise<Map<string, ToolTypeModules>>;
  /**
   * The caller's view of each tool's input (`<typeName>Input`), by tool
   * identifier: a property with a `default` may be left out, since the
   * server fills it in. For clients.
   */
  argumentTypes(): Promise<Map<string, string>>;
  /** Validator modules, one per JSON Schema dialect; exports `<identifier>Input` / `<identifier>Output`. */
  validators(): Promise<CompiledModule[]>;
}

export function toolArtifacts(ir: IR): ToolArtifacts {
  let types: Promise<Map<string, ToolTypeModules>> | undefined;
  let argumentTypes: Promise<Map<string, string>> | undefined;
  let validators: Promise<CompiledModule[]> | undefined;
  return {
    toolTypes: () => (types ??= computeTypes(ir)),
    argumentTypes: () => (argumentTypes ??= computeArgumentTypes(ir)),
    validators: () => (validators ??= computeValidators(ir)),
  };
}

/**
 * Type modules by schema object, view and type name, kept from run to run
 * while the process keeps memos (`generate --watch`): an unchanged tool's
 * schema is the same object in the next run (pipeline/reuse-unchanged.ts),
 * so a one-tool edit derives types for that tool only. Keyed by the
 * manifest's schema and `view` (how it is read: `handler` puts defaulted
 * properties in `required`), not by the view's result: a view is a
 * function of the schema.
 */
const typeCodes = new ObjectMemo<object, { view: 'handler' | 'as-is'; typeName: string; code: string }[]>();

async function computeTypes(ir: IR): Promise<Map<string, ToolTypeModules>> {
  const { schemaToTypes } = await import('../emit/schema/schema-to-types.js');
  const result = new Map<string, ToolTypeModules>();
  type Schema = IR['tools'][number]['inputSchema'];
  const types = async (schema: Schema, view: 'handler' | 'as-is', typeName: string, pointer: string): Promise<string> => {
    const known = typeCodes.get(schema);
    const hit = known?.find((e) => e.view === view && e.typeName === typeName);
    if (hit) return hit.code;
    countWork('types-converted');
    const viewed = view === 'handler' ? withDefaultsRequired(schema) : schema;
    const code = await forSchema(pointer, () => schemaToTypes(viewed, typeName));
    typeCodes.set(schema, [...(known ?? []).filter((e) => e.view !== view), { view, typeName, code }]);
    return code;
  };
  for (const t of ir.tools) {
    const input = await types(t.inputSchema, 'handler', `${t.typeName}Input`, `${t.pointer}/inputSchema`);
    const output = t.outputSchema ? await types(t.outputSchema, 'as-is', `${t.typeName}Output`, `${t.pointer}/outputSchema`) : undefined;
    result.set(t.identifier, output === undefined ? { input } : { input, output });
  }
  return result;
}

async function computeArgumentTypes(ir: IR): Promise<Map<string, string>> {
  const { schemaToTypes } = await import('../emit/schema/schema-to-types.js');
  const result = new Map<string, string>();
  for (const t of ir.tools) {
    countWork('types-converted');
    const pointer = `${t.pointer}/inputSchema`;
    result.set(t.identifier, await forSchema(pointer, () => schemaToTypes(t.inputSchema, `${t.typeName}Input`)));
  }
  return result;
}

/** Output schemas without their defaults, by output schema object (run-memos.ts ObjectMemo). */
const outputViews = new ObjectMemo<JsonObject, JsonObject>();

function outputEntry(identifier: string, schema: JsonObject, pointer: string): SchemaToCompile {
  return { exportName: `${identifier}Output`, schema, pointer, unit: identifier, ...(runMemosKept() ? { json: jsonOf(schema) } : {}) };
}

async function computeValidators(ir: IR): Promise<CompiledModule[]> {
  const { compileValidators, validatorCompileStats } = await import('../emit/schema/compile-validators.js');
  const schemas: SchemaToCompile[] = ir.tools.flatMap((t) => [
    // The input schema's JSON is shared with the type modules' memo (run-memos.ts jsonOf).
    { exportName: `${t.identifier}Input`, schema: t.inputSchema, pointer: `${t.pointer}/inputSchema`, unit: t.identifier, ...(runMemosKept() ? { json: jsonOf(t.inputSchema) } : {}) },
    // Output validators check; they never fill in defaults. (The view is kept per schema object, so its JSON is too.)
    ...(t.outputSchema ? [outputEntry(t.identifier, outputViews.of(t.outputSchema, withoutDefaults), `${t.pointer}/outputSchema`)] : []),
  ]);
  countWork('validators-compiled', schemas.length);
  const modules = await compileValidators(schemas, ir.revision.dialect);
  countWork('validators-via-ajv', validatorCompileStats.ajv);
  return modules;
}

/**
 * Runs the work for the schema at `pointer`; any failure becomes an
 * `emit/schema-unsupported` error that names the schema, with the pointer
 * attached so the pipeline can locate it in the manifest (file:line:col).
 */
async function forSchema<T>(pointer: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const detail = err instanceof McpgenError ? err.diagnostics[0]?.message : (err as Error)?.message;
    throw new McpgenError(
      {
        code: 'emit/schema-unsupported',
        severity: 'error',
        message: `Code cannot be generated from the schema at ${pointer}: ${String(detail ?? err).split('\n')[0]}`,
        hint: 'Simplify the schema there, or report it to mcpgen with the schema.',
      },
      2,
      pointer,
    );
  }
}
