/**
 * Type names for a schema's `$defs` / `definitions` entries: PascalCase
 * identifiers derived from the key alone, unique within the module and never
 * the root type's name. Names are handed out in sorted key order, so the same
 * set of keys gets the same names whatever order the manifest lists them in.
 */

export interface Definition {
  /** Decoded JSON pointer from the root (`/$defs/a~1b`): what a local `$ref` names. */
  pointer: string;
  key: string;
  schema: unknown;
}

function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The entries of `$defs` and `definitions`, in schema order. */
export function definitionsOf(schema: Record<string, unknown>): Definition[] {
  const result: Definition[] = [];
  for (const keyword of ['$defs', 'definitions']) {
    const defs = schema[keyword];
    if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) continue;
    for (const [key, value] of Object.entries(defs)) result.push({ pointer: `/${keyword}/${escapePointerToken(key)}`, key, schema: value });
  }
  return result;
}

/** `search-result` → `SearchResult`, `2fa` → `T2fa`, `` → `Definition`. */
export function pascalName(key: string): string {
  const name = key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  if (!name) return 'Definition';
  return /^[0-9]/.test(name) ? `T${name}` : name;
}

/** Names by pointer; `taken` holds names already in use (the root type's). */
export function definitionNames(definitions: Definition[], taken: string[]): Map<string, string> {
  const used = new Set(taken);
  const names = new Map<string, string>();
  const sorted = [...definitions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  for (const d of sorted) {
    const base = pascalName(d.key);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    names.set(d.pointer, name);
  }
  return names;
}
