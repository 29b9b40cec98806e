/**
 * Loads validators from mcpgen's own compiler in-process (the module body run
 * as a function, the ajv-formats import passed in) and Ajv validators with
 * the options generated code uses, for comparing the two.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Dialect } from '../../generator/spec/revisions.js';
import { compileOwnModule } from '../../generator/emit/schema/validator-codegen/compile-module.js';

export type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };

export function loadOwn(schemas: Record<string, Record<string, unknown>>, dialect: Dialect, useDefaults = true): Record<string, Validator> {
  const names = Object.keys(schemas);
  const { body } = compileOwnModule(names.map((n) => ({ exportName: n, schema: schemas[n]! })), dialect, { useDefaults });
  const code = `${body.replace(/^export function /gm, 'function ')}\nreturn { ${names.join(', ')} };`;
  return new Function('mvFormats', code)(fullFormats) as Record<string, Validator>;
}

export async function ajvCompiler(dialect: Dialect): Promise<(schema: object) => Validator> {
  const AjvClass = dialect === '2020-12' ? (await import('ajv/dist/2020.js')).default.default : (await import('ajv')).default.default;
  const addFormats = (await import('ajv-formats')).default.default;
  const ajv = new AjvClass({ strict: false, logger: false, allowUnionTypes: true, allErrors: true, ownProperties: true, useDefaults: true });
  addFormats(ajv);
  return (schema) => ajv.compile(schema) as Validator;
}
