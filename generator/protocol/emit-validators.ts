/**
 * `validators.js` + `validators.d.ts`: Ajv standalone code (compiled here,
 * never at the consumer's run time), turned into a self-contained ES module:
 * the `require()`s Ajv emits for its runtime helpers and formats are replaced
 * by inlined copies (validator-runtime.ts), so the module imports nothing.
 *
 * Public surface: one type guard per definition (`isCallToolRequest`),
 * `validate(name, value)`, `validateMessage(message)` and `methods`. Ajv's
 * functions are bound to `mcpgenV_<Name>` and not exported, so no generated
 * binding can be called `Error` or `Request` and shadow a JavaScript global.
 */
import type { Dialect } from '../spec/revisions.js';
import type { JsonSchema } from '../spec/load-spec.js';
import type { ProtocolModel } from './protocol-model.js';
import { stripAnnotations } from './schema-walk.js';
import { RUNTIME_HELPERS } from './validator-runtime.js';
import { renderValidatorsApi, renderValidatorsDts } from './validators-api.js';

const SCHEMA_ID = 'mcpgen:protocol';
const BINDING = 'mcpgenV_';

/** A compiled Ajv validator, as far as mcpgen uses it. */
export interface AjvValidateFunction {
  (value: unknown): boolean;
  errors?: { instancePath: string; message?: string; keyword: string }[] | null;
}

async function createAjv(dialect: Dialect, source: boolean) {
  // CommonJS packages: under NodeNext the class/function is the `default` of `default`.
  const [ajvMod, ajv2020Mod, formatsMod] = await Promise.all([import('ajv'), import('ajv/dist/2020.js'), import('ajv-formats')]);
  const Ajv = ajvMod.default.default;
  const Ajv2020 = ajv2020Mod.default.default;
  const addFormats = formatsMod.default.default;
  const Ctor = dialect === '2020-12' ? Ajv2020 : Ajv;
  // strict: false because the MCP schemas use union types and keyword
  // combinations Ajv's strict mode flags; they are valid JSON Schema.
  const ajv = new Ctor({ strict: false, allowUnionTypes: true, ...(source ? { code: { source: true, esm: true, lines: true } } : {}) });
  addFormats(ajv);
  return ajv;
}

/** The schema document as Ajv sees it: annotations removed, a fixed `$id`. */
export function validatorSchema(schema: JsonSchema): JsonSchema {
  const { $id: _id, ...rest } = stripAnnotations(schema);
  return { ...rest, $id: SCHEMA_ID };
}

function definitionsKey(dialect: Dialect): string {
  return dialect === '2020-12' ? '$defs' : 'definitions';
}

/**
 * Compiles the revision's schema with Ajv at run time, with the same options
 * as the precompiled module. The benchmark compares the two.
 */
export async function compileAtRuntime(schema: JsonSchema, dialect: Dialect): Promise<(name: string) => AjvValidateFunction> {
  const ajv = await createAjv(dialect, false);
  ajv.addSchema(validatorSchema(schema));
  return (name) => {
    const fn = ajv.getSchema(`${SCHEMA_ID}#/${definitionsKey(dialect)}/${name}`);
    if (!fn) throw new Error(`no definition ${name}`);
    return fn as AjvValidateFunction;
  };
}

/** Renders validators.js and validators.d.ts. */
export async function renderValidators(model: ProtocolModel, schema: JsonSchema, dialect: Dialect): Promise<{ js: string; dts: string }> {
  const ajv = await createAjv(dialect, true);
  ajv.addSchema(validatorSchema(schema));
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  const refs: Record<string, string> = {};
  for (const name of model.names) refs[`${BINDING}${name}`] = `${SCHEMA_ID}#/${definitionsKey(dialect)}/${name}`;
  let code = standaloneCode(ajv, refs);

  // Keep Ajv's functions module-private: the API below is the public surface.
  code = code.split(`export const ${BINDING}`).join(`const ${BINDING}`);
  const used: string[] = [];
  for (const helper of RUNTIME_HELPERS) {
    if (!code.includes(helper.code)) continue;
    code = code.split(helper.code).join(helper.name);
    used.push(helper.source);
  }
  const leftover = /require\([^)]*\)/.exec(code);
  if (leftover) throw new Error(`mcpgen internal error: Ajv standalone code needs ${leftover[0]}, which has no inlined replacement`);
  code = code.replace(/^"use strict";\s*/, '');

  const js = [
    '/* eslint-disable */',
    '// Precompiled with Ajv (standalone code); its runtime helpers are inlined, so this module imports nothing.',
    ...used,
    code,
    renderValidatorsApi(model),
  ].join('\n');
  return { js, dts: renderValidatorsDts(model) };
}
