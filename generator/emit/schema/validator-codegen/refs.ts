/**
 * Local `$ref`s mcpgen compiles: `#` (the root) and `#/$defs/<name>` or
 * `#/definitions/<name>` with a plain name. Anything else (escapes, remote
 * documents, `$id`-relative refs, pointers into other keywords) goes to Ajv.
 */
type Obj = Record<string, unknown>;

const LOCAL_DEF = /^#\/(\$defs|definitions)\/([A-Za-z0-9_.-]+)$/;

/** The schema a local `$ref` points to, or undefined. */
export function localRefTarget(root: Obj, ref: string): unknown {
  if (ref === '#') return root;
  const m = LOCAL_DEF.exec(ref);
  if (!m) return undefined;
  const defs = root[m[1]!];
  if (typeof defs !== 'object' || defs === null || Array.isArray(defs) || !Object.hasOwn(defs, m[2]!)) return undefined;
  const target = (defs as Obj)[m[2]!];
  return typeof target === 'boolean' || (typeof target === 'object' && target !== null && !Array.isArray(target)) ? target : undefined;
}

/** Whether `schema` holds a `$ref: "#"` anywhere (the root is then a function of its own). */
export function hasRootRef(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasRootRef);
  for (const key in schema) {
    const value = (schema as Obj)[key];
    if (key === '$ref' ? value === '#' : hasRootRef(value)) return true;
  }
  return false;
}
