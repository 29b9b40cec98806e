/**
 * Ajv instances for lint, created on first use. Ajv is loaded with `require`
 * inside the functions (it is CommonJS), so importing the lint modules, the
 * library entry or the CLI never pays for Ajv; only a lint run does.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction, ErrorObject } from 'ajv';
import type { Dialect } from '../../spec/revisions.js';
import type { LoadedSpec } from '../../spec/load-spec.js';

export type { ValidateFunction, ErrorObject };
type AjvInstance = AjvClass;

const require = createRequire(import.meta.url);

/** Work counters, so tests can check that Ajv work does not grow with the number of tools. */
export const ajvWork = { instances: 0 };

function newAjv(dialect: Dialect, options: { validateSchema?: boolean; allErrors?: boolean } = {}): AjvInstance {
  ajvWork.instances++;
  const Ctor = (
    dialect === '2020-12' ? require('ajv/dist/2020.js').default : require('ajv').default
  ) as new (options: object) => AjvInstance;
  const addFormats = require('ajv-formats').default as (ajv: AjvInstance) => void;
  // strict: false, because the MCP schemas use keywords Ajv's strict mode rejects
  // (descriptions next to $ref, unknown formats); allErrors, so one run reports everything.
  // logger: false: Ajv must not print to the console ("unknown format ... ignored"); lint reports what matters.
  const ajv = new Ctor({ strict: false, logger: false, allowUnionTypes: true, allErrors: true, validateFormats: true, code: { optimize: false }, ...options });
  addFormats(ajv);
  return ajv;
}

const specAjv = new Map<string, AjvInstance>();

/**
 * The validator of one definition (`Tool`, `Icon`...) of the spec's own
 * schema.json; the whole file is added once per spec and compiled lazily per
 * definition. Undefined when the revision lacks the definition.
 */
export function definitionValidator(spec: LoadedSpec, definition: string): ValidateFunction | undefined {
  if (!spec.definitions[definition]) return undefined;
  let ajv = specAjv.get(spec.sha256);
  if (!ajv) {
    // The spec file is pinned by hash; checking it against its meta-schema would only cost time.
    ajv = newAjv(spec.revision.dialect, { validateSchema: false });
    ajv.addSchema(spec.schema, 'mcp');
    specAjv.set(spec.sha256, ajv);
  }
  return ajv.getSchema(`mcp#/${spec.revision.definitionsKey}/${definition}`);
}

const metaAjv = new Map<string, AjvInstance>();

/**
 * An Ajv for meta-schema checks of user schemas in one dialect (Ajv ships
 * both meta-schemas). `allErrors: false` stops at the first error, which is
 * much faster for the common case of a valid schema; re-check an invalid one
 * with `allErrors: true` to report every problem.
 */
export function metaSchemaAjv(dialect: Dialect, allErrors: boolean): AjvInstance {
  const key = `${dialect}:${allErrors}`;
  let ajv = metaAjv.get(key);
  if (!ajv) {
    ajv = newAjv(dialect, { allErrors });
    metaAjv.set(key, ajv);
  }
  return ajv;
}
