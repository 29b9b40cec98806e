/**
 * The data reference.md is rendered from: one entry per definition with its
 * fields, type descriptions already turned into linked Markdown, and the
 * method table. Templates only lay it out.
 */
import type { JsonSchema } from '../../spec/load-spec.js';
import type { ProtocolModel } from '../protocol-model.js';
import { isJsonObject, refName } from '../schema-walk.js';
import { anchorOf, code } from './markdown-escape.js';

export interface FieldView {
  name: string;
  /** Markdown (links, code spans), already safe inside a table cell. */
  type: string;
  required: boolean;
  description: string;
}

export interface DefinitionView {
  name: string;
  anchor: string;
  description: string;
  /** Markdown type summary for definitions that are not plain objects (unions, aliases, enums). */
  type?: string;
  fields: FieldView[];
  /** Whether extra properties are allowed, and how (object definitions only). */
  additional?: string;
  method?: string;
  usedBy: { name: string; anchor: string }[];
}

export interface DocsView {
  revision: string;
  methods: { method: string; kind: string; definition: string; anchor: string; result?: string; resultAnchor?: string }[];
  definitions: DefinitionView[];
}

/** Describes a schema as linked Markdown, e.g. `[Tool](#tool)[]` or `` `"2.0"` ``. */
export function typeMarkdown(schema: unknown, inTable = true): string {
  if (!isJsonObject(schema)) return schema === true || schema === undefined ? 'any' : 'never';
  const ref = refName(schema.$ref);
  if (ref) return `[${ref}](#${anchorOf(ref)})`;
  if ('const' in schema) return code(JSON.stringify(schema.const), inTable);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => code(JSON.stringify(v), inTable)).join(' \\| ');
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) return members.map((m) => typeMarkdown(m, inTable)).join(' \\| ');
  }
  if (Array.isArray(schema.allOf)) return schema.allOf.map((m) => typeMarkdown(m, inTable)).join(' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const parts = types.map((t) => {
    if (t === 'array') {
      const item = typeMarkdown(schema.items, inTable);
      return /\s/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    if (t === 'object' && isJsonObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length) {
      return `{ [key: string]: ${typeMarkdown(schema.additionalProperties, inTable)} }`;
    }
    return String(t);
  });
  if (parts.length) return parts.join(' \\| ');
  return 'any';
}

function fieldsOf(def: JsonSchema): FieldView[] {
  const props = isJsonObject(def.properties) ? def.properties : {};
  const required = new Set(Array.isArray(def.required) ? (def.required as string[]) : []);
  return Object.entries(props).map(([name, sub]) => ({
    name,
    type: typeMarkdown(sub),
    required: required.has(name),
    description: isJsonObject(sub) && typeof sub.description === 'string' ? sub.description : '',
  }));
}

function additionalOf(def: JsonSchema): string | undefined {
  if (def.type !== 'object') return undefined;
  const ap = def.additionalProperties;
  if (ap === false) return 'No other properties are allowed.';
  if (isJsonObject(ap) && Object.keys(ap).length) return `Other properties: ${typeMarkdown(ap, false)}.`;
  if (isJsonObject(ap) || ap === true) return 'Other properties of any type are allowed.';
  return undefined;
}

/** Collects the definitions each definition refers to, to list "used by" backlinks. */
function references(def: unknown, into: Set<string>): void {
  if (Array.isArray(def)) def.forEach((d) => references(d, into));
  else if (isJsonObject(def)) {
    const ref = refName(def.$ref);
    if (ref) into.add(ref);
    for (const [k, v] of Object.entries(def)) if (k !== 'const' && k !== 'enum') references(v, into);
  }
}

export function buildDocsView(model: ProtocolModel): DocsView {
  const methodOf = new Map(model.methods.map((m) => [m.definition, m.method]));
  const usedBy = new Map<string, string[]>();
  for (const name of model.names) {
    const refs = new Set<string>();
    references(model.definitions[name], refs);
    for (const r of [...refs].sort()) if (r !== name) usedBy.set(r, [...(usedBy.get(r) ?? []), name]);
  }
  const definitions = model.names.map((name): DefinitionView => {
    const def = model.definitions[name]!;
    const fields = fieldsOf(def);
    const isPlainObject = fields.length > 0 || (def.type === 'object' && !def.anyOf);
    return {
      name,
      anchor: anchorOf(name),
      description: typeof def.description === 'string' ? def.description : '',
      type: isPlainObject ? undefined : typeMarkdown(def, false),
      fields,
      additional: additionalOf(def),
      method: methodOf.get(name),
      usedBy: (usedBy.get(name) ?? []).sort().map((n) => ({ name: n, anchor: anchorOf(n) })),
    };
  });
  return {
    revision: model.revision,
    methods: model.methods.map((m) => ({
      method: m.method,
      kind: m.kind,
      definition: m.definition,
      anchor: anchorOf(m.definition),
      result: m.result,
      resultAnchor: m.result ? anchorOf(m.result) : undefined,
    })),
    definitions,
  };
}
