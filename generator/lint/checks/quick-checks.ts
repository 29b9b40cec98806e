/**
 * The two questions lint puts to the quick validator (quick-validate.ts):
 * would Ajv accept this tool schema under its dialect's meta-schema, and this
 * object against a definition of a revision's schema.json? Each validator is
 * built once per process (meta-schemas) or per loaded spec, then reused for
 * every tool.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { surelyValidSchema } from './meta-schema-fast-path.js';
import { QuickValidator, isSchema, type Schema } from './quick-validate.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const metaValidators = new Map<string, { validator: QuickValidator; root: Schema; uri: string }>();

/**
 * A JSON file of Ajv's package, read directly: `require` would start
 * CommonJS module loading for nine files (resolution, wrappers, caches),
 * several milliseconds of every lint that nothing else there needs.
 */
function ajvJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(path, ajvRefs())), 'utf8')) as Record<string, unknown>;
}

/** Ajv's folder of meta-schemas, resolved once: each resolution of a package path costs about 0.3 ms. */
let refsUrl: string | undefined;
function ajvRefs(): string {
  return (refsUrl ??= new URL('./', import.meta.resolve('ajv/dist/refs/json-schema-draft-07.json')).href);
}

/** A dialect's meta-schema as Ajv ships it: its documents by URI, the entry schema, and the dynamic root (2020-12). */
export interface MetaSchemaDocuments {
  docs: Record<string, Schema>;
  root: Schema;
  uri: string;
  /** What `$dynamicRef: "#meta"` resolves to: the entry schema (2020-12); none for draft-07. */
  dynamicRoot?: { uri: string; schema: Schema };
}

/** The JSON Schema meta-schemas Ajv ships, read from its package (not copied). */
export function metaSchemaDocuments(dialect: 'draft-07' | '2020-12'): MetaSchemaDocuments {
  if (dialect === 'draft-07') {
    const root = ajvJson('json-schema-draft-07.json');
    const uri = String(root.$id).replace(/#$/, '');
    return { docs: { [uri]: root }, root, uri };
  }
  const docs: Record<string, Schema> = {};
  const root = ajvJson('json-schema-2020-12/schema.json');
  docs[String(root.$id)] = root;
  for (const part of ['applicator', 'content', 'core', 'format-annotation', 'meta-data', 'unevaluated', 'validation']) {
    const doc = ajvJson(`json-schema-2020-12/meta/${part}.json`);
    docs[String(doc.$id)] = doc;
  }
  const uri = String(root.$id);
  return { docs, root, uri, dynamicRoot: { uri, schema: root } };
}

function metaValidator(dialect: 'draft-07' | '2020-12'): { validator: QuickValidator; root: Schema; uri: string } {
  let m = metaValidators.get(dialect);
  if (!m) {
    const { docs, root, uri, dynamicRoot } = metaSchemaDocuments(dialect);
    m = { validator: new QuickValidator(docs, dynamicRoot), root, uri };
    metaValidators.set(dialect, m);
  }
  return m;
}

/**
 * True only when Ajv's validateSchema (dialect's meta-schema) would accept
 * `schema`: the hand-written shapes first, which answer for nearly every
 * schema, then the meta-schema itself, interpreted.
 */
export function quickMetaValid(dialect: 'draft-07' | '2020-12', schema: unknown): boolean {
  if (surelyValidSchema(dialect, schema)) return true;
  return metaSchemaQuickValid(dialect, schema);
}

/** Whether the interpreted meta-schema (quick-validate.ts) is sure that Ajv would accept `schema`. */
export function metaSchemaQuickValid(dialect: 'draft-07' | '2020-12', schema: unknown): boolean {
  const { validator, root, uri } = metaValidator(dialect);
  return validator.valid(root, uri, schema);
}

const specValidators = new WeakMap<object, QuickValidator>();

/**
 * True only when Ajv would accept `value` against definition `name` of a
 * revision's schema.json (`definitionsKey`: `$defs` or `definitions`).
 */
export function quickDefinitionValid(specSchema: Record<string, unknown>, definitionsKey: string, name: string, value: unknown): boolean {
  const defs = specSchema[definitionsKey];
  if (!isObject(defs) || !Object.hasOwn(defs, name)) return false;
  let validator = specValidators.get(specSchema);
  if (!validator) {
    validator = new QuickValidator({ 'mcp:/schema': specSchema });
    specValidators.set(specSchema, validator);
  }
  const def = defs[name];
  return isSchema(def) && validator.valid(def, 'mcp:/schema', value);
}
