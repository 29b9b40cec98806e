/**
 * Loads one or more manifest files into a single Manifest, keeping a source
 * position for every node. Collects every problem it can find instead of
 * stopping at the first, and never throws for bad input.
 */
import { resolve } from 'node:path';
import { McpgenError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import { isJsonObject } from '../json-schema/subschemas.js';
import { displayPath } from './display-path.js';
import { joinPointer } from './json-pointer.js';
import {
  ARRAY_SECTIONS,
  IGNORED_LIST_RESULT_KEYS,
  MANIFEST_KEYS,
  type Manifest,
} from './manifest-types.js';
import { mergeManifests, type ManifestPart } from './merge-manifests.js';
import { MAX_DEPTH } from './parse-document.js';
import { parseManifestText } from './json-reparse.js';
import { readInputFile } from './read-input.js';
import { cannotSpellRef, resolveToolSchemaRefs } from './resolve-schema-refs.js';
import { SourceMap } from './source-map.js';

export interface LoadedManifest {
  manifest: Manifest;
  /** Display paths of the manifest files, in the order given. */
  files: string[];
  /** Text of every file read (manifests and $ref targets), by display path. */
  sources: Map<string, string>;
  /** Positions of every node, by JSON Pointer into `manifest`. */
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

export interface LoadManifestOptions {
  cwd?: string;
  /** Largest file read, in bytes (default 16 MB; `--max-input-size`). */
  maxInputBytes?: number;
  /** Folders a file `$ref` may point into besides each manifest's own folder tree (the config's `refRoots`). */
  refRoots?: string[];
}

/**
 * Loads and merges manifests. The result always has a manifest (possibly
 * empty); check `diagnostics` for errors, or use `loadManifestOrThrow`.
 */
export function loadManifest(paths: string | string[], options: LoadManifestOptions = {}): LoadedManifest {
  const list = Array.isArray(paths) ? paths : [paths];
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const parts: ManifestPart[] = [];

  for (const given of list) {
    const absolute = resolve(options.cwd ?? process.cwd(), given);
    const shown = displayPath(absolute, options.cwd);
    const read = readInputFile(absolute, { kind: 'manifest', shown, maxBytes: options.maxInputBytes });
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const text = read.text;
    sources.set(shown, text);
    const part = parsePart(text, absolute, shown, sources, diagnostics, options);
    if (part) parts.push(part);
  }

  const merged = mergeManifests(parts, diagnostics);
  return {
    manifest: merged.manifest,
    files: list.map((p) => displayPath(resolve(options.cwd ?? process.cwd(), p), options.cwd)),
    sources,
    sourceMap: merged.sourceMap,
    diagnostics,
  };
}

/** Like loadManifest, but throws McpgenError (exit 2) when any error was found. */
export function loadManifestOrThrow(paths: string | string[], options: LoadManifestOptions = {}): LoadedManifest {
  const loaded = loadManifest(paths, options);
  if (hasErrors(loaded.diagnostics)) throw new McpgenError(loaded.diagnostics, 2);
  return loaded;
}

function parsePart(
  text: string,
  absolute: string,
  shown: string,
  sources: Map<string, string>,
  diagnostics: Diagnostic[],
  options: LoadManifestOptions,
): ManifestPart | undefined {
  const parsed = parseManifestText(absolute, text, shown);
  if (parsed.diagnostics.length) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  let root = parsed.value;
  let base = '';
  // A captured JSON-RPC response (`{"jsonrpc":"2.0","id":1,"result":{"tools":[...]}}`) loads as its result.
  if (isJsonObject(root) && 'jsonrpc' in root && isJsonObject(root.result)) {
    root = root.result;
    base = '/result';
  }
  if (root === undefined || root === null || (isJsonObject(root) && Object.keys(root).length === 0)) {
    diagnostics.push({
      code: 'load/empty',
      severity: 'error',
      message: `${shown} declares nothing: there is no server, tool, resource or prompt to generate.`,
      hint: 'Start with `server: { name: my-server, version: 0.1.0 }` and a `tools:` list (see `mcpgen generate --help`).',
      location: parsed.sourceMap.locate(base) ?? { file: shown, line: 1, column: 1 },
    });
    return undefined;
  }
  if (!isJsonObject(root)) {
    diagnostics.push({
      code: 'load/not-an-object',
      severity: 'error',
      message: `The manifest must be a mapping of sections (server, tools, ...), not ${describe(root)}.`,
      location: parsed.sourceMap.locate(base) ?? { file: shown, line: 1, column: 1 },
    });
    return undefined;
  }

  const known = new Set<string>([...MANIFEST_KEYS, ...IGNORED_LIST_RESULT_KEYS]);
  for (const key of Object.keys(root)) {
    if (known.has(key)) continue;
    const suggestion = closestMatch(key, MANIFEST_KEYS);
    diagnostics.push({
      code: 'load/unknown-key',
      severity: 'error',
      message: `Unknown top-level key "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      hint: `A manifest may have: ${MANIFEST_KEYS.filter((k) => k !== '$schema').join(', ')}.`,
      location: parsed.sourceMap.locate(joinPointer(base, key), { key: true }),
    });
  }

  const expect = (key: string, type: 'string' | 'object' | 'array'): boolean => {
    const value = root[key];
    if (value === undefined) return false;
    const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? isJsonObject(value) : typeof value === type;
    if (!ok) {
      diagnostics.push({
        code: 'load/wrong-type',
        severity: 'error',
        message: `"${key}" must be ${type === 'array' ? 'an array' : type === 'object' ? 'an object' : 'a string'}, not ${describe(value)}.`,
        location: parsed.sourceMap.locate(joinPointer(base, key)),
      });
    }
    return ok;
  };
  expect('revision', 'string');
  expect('instructions', 'string');
  expect('server', 'object');
  expect('auth', 'object');
  expect('capabilities', 'object');
  expect('compatibleRevisions', 'array');
  expect('publish', 'object');
  for (const section of ARRAY_SECTIONS) {
    if (!expect(section, 'array')) continue;
    (root[section] as unknown[]).forEach((item, i) => {
      if (!isJsonObject(item)) {
        diagnostics.push({
          code: 'load/wrong-type',
          severity: 'error',
          message: `${section}[${i}] must be an object, not ${describe(item)}.`,
          location: parsed.sourceMap.locate(joinPointer(base, section, i)),
        });
      }
    });
  }

  let sourceMap = parsed.sourceMap;
  if (base !== '') {
    sourceMap = new SourceMap();
    sourceMap.copyFrom(parsed.sourceMap, base, '');
  }
  // No walk of every schema when there is surely no file $ref: the JSON parser saw none, or the text cannot spell the key.
  if (Array.isArray(root.tools) && !parsed.noFileRefs && !cannotSpellRef(text)) {
    const inlined = resolveToolSchemaRefs(root.tools, '/tools', {
      manifestPath: absolute,
      sourceMap,
      sources,
      diagnostics,
      cwd: options.cwd,
      roots: options.refRoots,
      maxBytes: options.maxInputBytes,
    });
    // Inlined $ref targets may nest the schema deeper than any one file does.
    const deep = inlined > 0 ? findTooDeep(root.tools, '/tools', 1) : undefined;
    if (deep) {
      diagnostics.push({
        code: 'load/too-deep',
        severity: 'error',
        message: `With its $refs inlined, this schema nests deeper than ${MAX_DEPTH} levels.`,
        hint: 'Flatten the schema; no tool needs this depth.',
        location: sourceMap.locate(deep) ?? { file: shown, line: 1, column: 1 },
      });
      return undefined;
    }
  }
  return { file: shown, value: root, sourceMap };
}

/** The pointer of the first node deeper than MAX_DEPTH (iterative: no recursion on hostile data). */
function findTooDeep(value: unknown, pointer: string, depth: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, pointer, depth]];
  while (stack.length) {
    const [v, p, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > MAX_DEPTH) return p;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, joinPointer(p, i), d + 1]));
    else for (const [k, x] of Object.entries(v)) stack.push([x, joinPointer(p, k), d + 1]);
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}
