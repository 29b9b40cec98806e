/**
 * Resolves file references in tool schemas when loading, so that lint and
 * generate see one and the same inlined schema: `inputSchema: { $ref:
 * "./file.json" }` at the root, and `$ref: "./address.yaml#/$defs/Address"`
 * anywhere inside (properties, items, allOf/anyOf/oneOf, $defs, ...), across
 * files. JSON and YAML targets; a fragment selects a part of the file.
 *
 * Confinement: a target must be a regular file inside the manifest's folder
 * tree (or an allowed root). Absolute paths, `..` escapes and links out are
 * refused before anything is read, so no diagnostic can show the content of
 * a file outside the project. Remote references are refused: generation never
 * touches the network. A cycle of file references is a located error.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  isJsonObject,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from '../json-schema/subschemas.js';
import { displayPath } from './display-path.js';
import { getAtPointer, joinPointer } from './json-pointer.js';
import { MAX_DEPTH, parseYamlOrJson } from './parse-document.js';
import { readInputFile } from './read-input.js';
import type { SourceMap } from './source-map.js';

export interface RefContext {
  /** Absolute path of the manifest holding the `$ref`. */
  manifestPath: string;
  sourceMap: SourceMap;
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** For display paths. */
  cwd?: string;
  /** Folders a `$ref` may point into (default: the manifest's folder). */
  roots?: string[];
  maxBytes?: number;
}

const SCHEMA_KEYS = ['inputSchema', 'outputSchema'] as const;

/** At most this many file references per manifest (each inlines a copy). */
const MAX_REFS = 1000;

/**
 * Replaces file references in every tool's schemas, in place on `tools`.
 * Returns how many were inlined (nothing inlined: the schemas nest no deeper
 * than the parsed files, so the caller need not check depth again).
 */
export function resolveToolSchemaRefs(tools: unknown[], pointer: string, ctx: RefContext): number {
  // The manifest's own folder tree, plus any roots the config allows.
  const roots = [dirname(ctx.manifestPath), ...(ctx.roots ?? []).map((r) => resolve(r))];
  const state: State = { ...ctx, roots, realRoots: roots.map(realOrSelf), count: 0, inlined: 0, files: new Map() };
  tools.forEach((tool, i) => {
    if (!isJsonObject(tool)) return;
    for (const key of SCHEMA_KEYS) {
      if (tool[key] === undefined || !mayHoldFileRef(tool[key], 0)) continue;
      tool[key] = resolveTree(tool[key], joinPointer(pointer, i, key), ctx.manifestPath, state, [], 0, true);
    }
  });
  return state.inlined;
}

/**
 * A parsed key is `$ref` only if the text has `$ref` in it or spells it with
 * escapes (JSON `\u0024`, YAML `\x24`, `\U...`, an escaped line break inside a
 * double-quoted key), which all need a backslash. YAML folding joins lines
 * with a space, and an alias repeats an anchor's text, which has it. Without
 * either, walking every schema of a 1,000-tool manifest on each `generate
 * --watch` save is for nothing.
 */
export function cannotSpellRef(text: string): boolean {
  return !text.includes('$ref') && !text.includes('\\');
}

/**
 * False only when no object anywhere in `value` has a `$ref` naming a file:
 * most schemas have none, and this scan builds no pointers (resolveTree does).
 */
function mayHoldFileRef(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mayHoldFileRef(value[i], depth + 1)) return true;
    return false;
  }
  const ref = (value as Record<string, unknown>).$ref;
  if (typeof ref === 'string' && isFileRef(ref)) return true;
  for (const key in value) if (mayHoldFileRef((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

interface State extends RefContext {
  roots: string[];
  realRoots: string[];
  count: number;
  /** File $refs replaced by their target. */
  inlined: number;
  /** Parsed targets by absolute path (read once per load). */
  files: Map<string, { value: unknown; sourceMap: SourceMap } | undefined>;
}

/**
 * Returns `schema` with every file `$ref` in a subschema position replaced by
 * its (recursively resolved) target. `chain`: files being inlined (cycles).
 */
function resolveTree(
  schema: unknown,
  pointer: string,
  fromFile: string,
  st: State,
  chain: string[],
  depth: number,
  atRoot = false,
): unknown {
  if (!isJsonObject(schema) || depth > MAX_DEPTH) return schema;
  let node = schema;
  if (typeof node.$ref === 'string' && isFileRef(node.$ref)) {
    const target = resolveFileRef(node, node.$ref, pointer, fromFile, st, chain, atRoot);
    if (target === undefined) return schema;
    // The target is inlined where the $ref was, resolved relative to its own file.
    return resolveTree(target.value, pointer, target.file, st, [...chain, target.file], depth + 1, atRoot && target.whole);
  }
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (SINGLE_SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) {
      node = replace(node, key, resolveTree(value, joinPointer(pointer, key), fromFile, st, chain, depth + 1));
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      const next = value.map((item, i) => resolveTree(item, joinPointer(pointer, key, i), fromFile, st, chain, depth + 1));
      if (next.some((v, i) => v !== value[i])) node = replace(node, key, next);
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isJsonObject(value)) {
      let changed = false;
      const next: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(value)) {
        next[name] = resolveTree(sub, joinPointer(pointer, key, name), fromFile, st, chain, depth + 1);
        if (next[name] !== sub) changed = true;
      }
      if (changed) node = replace(node, key, next);
    }
  }
  return node;
}

function replace(node: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (node[key] === value) return node;
  return { ...node, [key]: value };
}

function isFileRef(ref: string): boolean {
  return !ref.startsWith('#');
}

function resolveFileRef(
  node: Record<string, unknown>,
  ref: string,
  pointer: string,
  fromFile: string,
  st: State,
  chain: string[],
  atRoot: boolean,
): { value: unknown; file: string; whole: boolean } | undefined {
  const refPointer = joinPointer(pointer, '$ref');
  const refLocation = st.sourceMap.locate(refPointer);
  const fail = (code: string, message: string, hint?: string): undefined => {
    st.diagnostics.push({ code, severity: 'error', message, hint, location: refLocation });
    return undefined;
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    return fail(
      'load/ref-remote',
      `Remote $ref "${ref}" is not fetched.`,
      'Save the schema next to the manifest and use a relative path such as "./schemas/input.json".',
    );
  }
  if (++st.count > MAX_REFS) return fail('load/ref-too-many', `More than ${MAX_REFS} file $refs; the rest are not resolved.`);
  const [filePart, fragment = ''] = splitRef(ref);
  let decoded: string;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    return fail('load/ref-not-found', `$ref "${ref}" is not a valid URI reference.`);
  }
  if (isAbsolute(decoded) || /^[a-z]:/i.test(decoded) || decoded.startsWith('\\')) {
    return fail(
      'load/ref-outside-project',
      `$ref "${ref}" is an absolute path; a $ref must stay inside the manifest's folder.`,
      'Copy the schema into the project and refer to it with a relative path such as "./schemas/input.json".',
    );
  }
  const target = resolve(dirname(fromFile), decoded);
  const within = (roots: string[], p: string) => roots.some((root) => p === root || p.startsWith(root + sep));
  if (!within(st.roots, target)) {
    return fail(
      'load/ref-outside-project',
      `$ref "${ref}" leaves the manifest's folder (${displayPath(st.roots[0]!, st.cwd)}); it was not read.`,
      'Copy the schema into the project, keep shared schemas in a folder below the manifest, or allow their folder with "refRoots" in mcpgen.config.',
    );
  }
  const real = realOrSelf(target);
  if (!within(st.realRoots, real)) {
    return fail('load/ref-outside-project', `$ref "${ref}" is a link to a file outside the manifest's folder; it was not read.`);
  }
  if (chain.includes(target)) {
    return fail('load/ref-cycle', `$ref cycle: ${[...chain, target].map((p) => displayPath(p, st.cwd)).join(' -> ')}`, 'A file $ref may not lead back to a file that is being inlined; use a local "#/$defs/..." reference for recursive types.');
  }
  const shown = displayPath(target, st.cwd);
  let parsed = st.files.get(target);
  if (!st.files.has(target)) {
    const read = readInputFile(target, { kind: '$ref target', shown, maxBytes: st.maxBytes, location: refLocation });
    if ('diagnostic' in read) {
      st.files.set(target, undefined);
      st.diagnostics.push({ ...read.diagnostic, code: read.diagnostic.code === 'input/unreadable' ? 'load/ref-not-found' : read.diagnostic.code, hint: read.diagnostic.code === 'input/unreadable' ? 'A $ref path is relative to the file that contains it.' : read.diagnostic.hint });
      return undefined;
    }
    st.sources.set(shown, read.text);
    const doc = parseYamlOrJson(read.text, shown);
    if (doc.diagnostics.length) {
      st.diagnostics.push(...doc.diagnostics);
      st.files.set(target, undefined);
      return undefined;
    }
    parsed = { value: doc.value, sourceMap: doc.sourceMap };
    st.files.set(target, parsed);
  }
  if (!parsed) return undefined;
  const value = fragment ? getAtPointer(parsed.value, fragment) : parsed.value;
  if (value === undefined) return fail('load/ref-not-found', `$ref "${ref}": ${shown} has nothing at "#${fragment}".`);
  if (!isJsonObject(value) && typeof value !== 'boolean') {
    return fail('load/ref-not-a-schema', `$ref "${ref}" points to ${Array.isArray(value) ? 'an array' : typeof value}, not a schema object.`);
  }
  if (Object.keys(node).some((k) => k !== '$ref')) {
    st.diagnostics.push({
      code: 'load/ref-siblings',
      severity: 'warning',
      message: `Keys beside the file $ref "${ref}" are dropped: the referenced schema replaces this object.`,
      hint: 'Move the other keys into the referenced schema, or wrap both in allOf.',
      location: refLocation,
    });
  }
  // A whole file inlined as the root of a tool schema keeps its "#/..." refs valid; anywhere else they would break.
  const localRefs = atRoot && fragment === '' ? [] : findLocalRefs(value);
  if (localRefs.length) {
    return fail(
      'load/ref-local-in-target',
      `$ref "${ref}" points to a schema that uses "${localRefs[0]}", which cannot be kept once the schema is inlined.`,
      'Refer to such definitions by file ("./defs.json#/$defs/Name") instead of "#/...".',
    );
  }
  st.sourceMap.copyFrom(parsed.sourceMap, fragment, pointer);
  st.inlined++;
  return { value: structuredClone(value), file: target, whole: fragment === '' };
}

/** Local (`#...`) $refs inside a subtree, which would change meaning once it is inlined elsewhere. */
function findLocalRefs(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length && found.length === 0) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else if (isJsonObject(v)) {
      if (typeof v.$ref === 'string' && v.$ref.startsWith('#')) found.push(v.$ref);
      for (const x of Object.values(v)) stack.push([x, depth + 1]);
    }
  }
  return found;
}

function splitRef(ref: string): [string, string?] {
  const hash = ref.indexOf('#');
  return hash < 0 ? [ref] : [ref.slice(0, hash), ref.slice(hash + 1)];
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
