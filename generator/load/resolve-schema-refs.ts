/**
 * Resolves `inputSchema: { $ref: "./file.json" }` (and `outputSchema`) to the
 * referenced file, relative to the manifest that holds it. The file may be
 * JSON or YAML; a fragment (`./defs.yaml#/$defs/Input`) selects a part of it.
 * Remote references are refused: generation never touches the network.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from './display-path.js';
import { getAtPointer, joinPointer } from './json-pointer.js';
import { parseYamlOrJson } from './parse-document.js';
import type { SourceMap } from './source-map.js';

export interface RefContext {
  /** Absolute path of the manifest holding the `$ref`. */
  manifestPath: string;
  sourceMap: SourceMap;
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** For display paths. */
  cwd?: string;
}

const SCHEMA_KEYS = ['inputSchema', 'outputSchema'] as const;

/** Replaces file references in every tool's schemas, in place on `tools`. */
export function resolveToolSchemaRefs(tools: unknown[], pointer: string, ctx: RefContext): void {
  tools.forEach((tool, i) => {
    if (!tool || typeof tool !== 'object') return;
    for (const key of SCHEMA_KEYS) {
      const t = tool as Record<string, unknown>;
      const resolved = resolveSchemaRef(t[key], joinPointer(pointer, i, key), ctx.manifestPath, ctx, []);
      if (resolved !== undefined) t[key] = resolved;
    }
  });
}

/** Returns the resolved value, or undefined to keep the original. */
function resolveSchemaRef(
  schema: unknown,
  pointer: string,
  fromFile: string,
  ctx: RefContext,
  chain: string[],
): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const ref = (schema as Record<string, unknown>).$ref;
  if (typeof ref !== 'string' || ref.startsWith('#')) return undefined;
  const refLocation = ctx.sourceMap.locate(joinPointer(pointer, '$ref'));

  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    ctx.diagnostics.push({
      code: 'load/ref-remote',
      severity: 'error',
      message: `Remote $ref "${ref}" is not fetched.`,
      hint: 'Save the schema next to the manifest and use a relative path such as "./schemas/input.json".',
      location: refLocation,
    });
    return undefined;
  }
  const [filePart, fragment = ''] = splitRef(ref);
  const target = resolve(dirname(fromFile), decodeURIComponent(filePart));
  if (chain.includes(target)) {
    ctx.diagnostics.push({
      code: 'load/ref-cycle',
      severity: 'error',
      message: `$ref cycle: ${[...chain, target].map((p) => displayPath(p, ctx.cwd)).join(' -> ')}`,
      location: refLocation,
    });
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (err) {
    ctx.diagnostics.push({
      code: 'load/ref-not-found',
      severity: 'error',
      message: `$ref "${ref}" cannot be read: ${displayPath(target, ctx.cwd)} ${describeFsError(err)}.`,
      hint: 'A $ref path is relative to the file that contains it.',
      location: refLocation,
    });
    return undefined;
  }
  const shown = displayPath(target, ctx.cwd);
  ctx.sources.set(shown, text);
  const parsed = parseYamlOrJson(text, shown);
  if (parsed.diagnostics.length) {
    ctx.diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const value = fragment ? getAtPointer(parsed.value, fragment) : parsed.value;
  if (value === undefined) {
    ctx.diagnostics.push({
      code: 'load/ref-not-found',
      severity: 'error',
      message: `$ref "${ref}": ${shown} has nothing at "#${fragment}".`,
      location: refLocation,
    });
    return undefined;
  }
  ctx.sourceMap.copyFrom(parsed.sourceMap, fragment, pointer);
  // The referenced file may itself be a single file reference.
  const nested = resolveSchemaRef(value, pointer, target, ctx, [...chain, target]);
  return nested ?? value;
}

function splitRef(ref: string): [string, string?] {
  const hash = ref.indexOf('#');
  return hash < 0 ? [ref] : [ref.slice(0, hash), ref.slice(hash + 1)];
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'is not readable';
  return `(${(err as Error).message})`;
}
