/**
 * A tool's input or output schema as table rows: one row per property, nested
 * objects and array items expanded with dotted paths (`days[].date`), local
 * `$ref`s resolved, cycles and very deep nesting cut off with a note. Only
 * data here; the view model turns it into Markdown.
 */
import { isJsonObject, type SchemaObject } from '../../json-schema/subschemas.js';

export interface SchemaRow {
  /** Dotted path: `location`, `days[].date`, `tags[]`. */
  path: string;
  depth: number;
  type: string;
  required: boolean;
  default?: unknown;
  enum?: unknown[];
  format?: string;
  description: string;
  /** `x-mcp-header` value, when the property carries one. */
  header?: string;
}

const MAX_DEPTH = 6;

/** Follows a local `$ref` (`#/$defs/X`, `#/definitions/X`, any JSON Pointer) within `root`. */
export function resolveRef(schema: SchemaObject, root: SchemaObject): SchemaObject | undefined {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isJsonObject(node) ? node[key] : undefined;
  }
  return isJsonObject(node) ? node : undefined;
}

/** The schema with `$ref` chains followed (cycles stop), merged with its sibling keywords. */
export function deref(schema: unknown, root: SchemaObject, seen: Set<string> = new Set()): SchemaObject {
  if (!isJsonObject(schema)) return {};
  let current = schema;
  while (typeof current.$ref === 'string' && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const target = resolveRef(current, root);
    if (!target) break;
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

export function typeLabel(schema: SchemaObject, root: SchemaObject): string {
  if ('const' in schema) return `const ${JSON.stringify(schema.const)}`;
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) {
    for (const key of ['anyOf', 'oneOf'] as const) {
      const members = schema[key];
      if (Array.isArray(members)) return [...new Set(members.map((m) => typeLabel(deref(m, root), root)))].join(' | ');
    }
    if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))].join(' | ');
    if (isJsonObject(schema.properties)) return 'object';
    return 'any';
  }
  return types.map((t) => (t === 'array' ? `${typeLabel(deref(schema.items, root), root)}[]` : t)).join(' | ');
}

export function schemaRows(schema: SchemaObject): SchemaRow[] {
  const rows: SchemaRow[] = [];
  walkObject(deref(schema, schema), schema, '', 0, rows, new Set());
  return rows;
}

function walkObject(node: SchemaObject, root: SchemaObject, prefix: string, depth: number, rows: SchemaRow[], path: Set<SchemaObject>): void {
  if (depth > MAX_DEPTH || path.has(node)) return;
  path.add(node);
  const props = isJsonObject(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : []);
  for (const [name, raw] of Object.entries(props)) {
    const sub = deref(raw, root);
    const rowPath = prefix ? `${prefix}.${name}` : name;
    rows.push(row(rowPath, depth, sub, root, required.has(name)));
    descend(sub, root, rowPath, depth, rows, path);
  }
  path.delete(node);
}

/** Expands an object property or the items of an array property. */
function descend(sub: SchemaObject, root: SchemaObject, rowPath: string, depth: number, rows: SchemaRow[], path: Set<SchemaObject>): void {
  if (isJsonObject(sub.properties)) walkObject(sub, root, rowPath, depth + 1, rows, path);
  else if (isJsonObject(sub.items)) {
    const items = deref(sub.items, root);
    if (isJsonObject(items.properties)) walkObject(items, root, `${rowPath}[]`, depth + 1, rows, path);
  }
}

function row(path: string, depth: number, sub: SchemaObject, root: SchemaObject, required: boolean): SchemaRow {
  const items = isJsonObject(sub.items) ? deref(sub.items, root) : undefined;
  const enumValues = Array.isArray(sub.enum) ? sub.enum : Array.isArray(items?.enum) ? items.enum : undefined;
  const format = typeof sub.format === 'string' ? sub.format : typeof items?.format === 'string' ? items.format : undefined;
  return {
    path,
    depth,
    type: typeLabel(sub, root),
    required,
    ...('default' in sub ? { default: sub.default } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
    ...(format ? { format } : {}),
    description: typeof sub.description === 'string' ? sub.description : '',
    ...(typeof sub['x-mcp-header'] === 'string' ? { header: sub['x-mcp-header'] } : {}),
  };
}
