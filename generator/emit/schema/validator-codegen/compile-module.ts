/**
 * mcpgen's own validator compiler: turns JSON Schemas (already accepted by
 * support.ts) into one ES module of plain validator functions with Ajv's
 * results and errors under the options mcpgen uses (allErrors, ownProperties,
 * useDefaults, strict off). Synchronous and allocation-light: per schema a
 * chunk of plain functions (one for the schema, one per recursive
 * definition) and its constants (patterns, enums, formats); the error and
 * equality helpers are emitted once per module.
 *
 * Each internal function returns its error list (null when valid): three
 * entries per error, which name its site in the chunk's site table
 * (context.ts addError). The exported validator keeps the list, and its
 * `errors` property, like an Ajv validate function's, gives Ajv's error
 * objects, built from the list on first read after each call.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Dialect } from '../../../spec/revisions.js';
import { CodeWriter } from './code-writer.js';
import { emitSchema } from './compile-schema.js';
import { EXPORT_ROOT_PATH, type FormatCheck, type ModuleScope, type Obj, ROOT_PATH } from './context.js';
import { jsLiteral } from './literals.js';
import { isScannedFormat } from './format-scanners.js';
import { patternScanner } from './pattern-scanner.js';
import { hasRootRef, localRefTarget } from './refs.js';
import { BASE_SOURCE, HELPER_SOURCES } from './runtime-source.js';

export interface OwnSchema {
  /** Export name: a valid, unique JS identifier ending in Input or Output. */
  exportName: string;
  schema: Obj;
  /** Its memo key, when the caller computed it already (chunkKey). */
  key?: ChunkKey;
}

/**
 * What a compiled chunk depends on: its slot (dialect, options, export
 * name) and the schema's JSON. Two parts, not one joined string: joining a
 * schema's JSON to a name makes a new string per lookup that the memo's Map
 * must flatten and hash again (megabytes per save at 1,000 tools), while the
 * JSON itself is the same string from run to run for an unchanged schema
 * (pipeline/run-memos.ts jsonOf) and compares in no time.
 */
export interface ChunkKey {
  slot: string;
  json: string;
}

export function chunkKey(exportName: string, schema: Obj, dialect: Dialect, useDefaults: boolean, json?: string): ChunkKey {
  return { slot: `${dialect}\0${useDefaults}\0${exportName}`, json: json ?? JSON.stringify(schema) };
}

/** The chunk the memo holds for `key` from the previous run, if its schema is the same. */
export function memoizedChunk(memo: ChunkMemo, key: ChunkKey): Chunk | undefined {
  const known = memo.previous.get(key.slot);
  return known !== undefined && known.json === key.json ? known.chunk : undefined;
}

interface PendingFunction {
  name: string;
  root: Obj;
  schema: unknown;
}

type HelperName = keyof typeof HELPER_SOURCES;

/** One schema's part of a module: its functions, constants and export, independent of the other schemas. */
export interface Chunk {
  code: string;
  helpers: HelperName[];
  usesFormats: boolean;
}

/**
 * Chunks of the previous run by (dialect, options, export name, schema): a
 * `generate --watch` run after a one-tool edit compiles that tool only.
 * The caller passes the previous run's map and collects this run's.
 */
export interface ChunkMemo {
  previous: Map<string, { json: string; chunk: Chunk }>;
  next: Map<string, { json: string; chunk: Chunk }>;
}

/**
 * Names and shared parts of one schema's chunk. Every module-level name a
 * chunk declares is `<exportName>_mv<n>`: unique per chunk (export names are
 * unique) and never an export name (those end in Input or Output), so chunks
 * combine freely.
 */
class Scope implements ModuleScope {
  readonly constants = new Map<string, string>();
  readonly helpers = new Set<HelperName>();
  readonly formats = new Map<string, string>();
  readonly pending: PendingFunction[] = [];
  /** Error sites' code, in index order, and their indices by code. */
  readonly sites: string[] = [];
  private readonly siteIndex = new Map<string, number>();
  private readonly refFunctions = new Map<Obj, Map<string, string>>();
  private names = 0;

  readonly writesDefaults: boolean;

  constructor(
    readonly dialect: Dialect,
    readonly useDefaults: boolean,
    private readonly prefix: string,
    schema: Obj,
  ) {
    this.writesDefaults = useDefaults && hasDefault(schema);
  }

  newName(): string {
    return `${this.prefix}_mv${this.names++}`;
  }

  errorSite(code: string): number {
    let index = this.siteIndex.get(code);
    if (index === undefined) {
      index = this.sites.push(code) - 1;
      this.siteIndex.set(code, index);
    }
    return index;
  }

  constant(_kind: string, code: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = this.newName();
      this.constants.set(code, name);
    }
    return name;
  }

  helper(name: keyof typeof HELPER_SOURCES): string {
    this.helpers.add(name);
    return HELPER_SOURCES[name].name;
  }

  format(name: string): FormatCheck | undefined {
    if (!Object.hasOwn(fullFormats, name)) return undefined;
    // A scanner of mcpgen's that accepts exactly what ajv-formats accepts (format-scanners.ts), without the regex call.
    if (isScannedFormat(name)) return { type: 'string', test: (d) => `${this.helper(name)}(${d})` };
    const def = (fullFormats as Record<string, unknown>)[name];
    if (def === true || def === undefined) return undefined;
    let ref = this.formats.get(name);
    if (!ref) {
      ref = this.newName();
      this.formats.set(name, ref);
    }
    const fmt = ref;
    if (def instanceof RegExp) return { type: 'string', test: (d) => `${fmt}.test(${d})` };
    if (typeof def === 'function') return { type: 'string', test: (d) => `${fmt}(${d})` };
    const { type, validate } = def as { type?: 'string' | 'number'; validate: unknown };
    return { type: type ?? 'string', test: (d) => (validate instanceof RegExp ? `${fmt}.validate.test(${d})` : `${fmt}.validate(${d})`) };
  }

  patternTest(pattern: string, d: string): string {
    // A scanner where the pattern is in the subset pattern-scanner.ts decides exactly; the RegExp otherwise.
    const scanner = patternScanner(pattern);
    const name = this.constant('mvPattern', scanner ?? `new RegExp(${jsLiteral(pattern)}, "u")`);
    return scanner ? `${name}(${d})` : `${name}.test(${d})`;
  }

  /** A new validator function name; `schema` is compiled into it later. */
  newFunction(root: Obj, schema: unknown): string {
    const name = this.newName();
    this.pending.push({ name, root, schema });
    return name;
  }

  refFunction(root: Obj, ref: string): string {
    let byRef = this.refFunctions.get(root);
    if (!byRef) this.refFunctions.set(root, (byRef = new Map()));
    let name = byRef.get(ref);
    if (!name) {
      name = this.newFunction(root, localRefTarget(root, ref));
      byRef.set(ref, name);
    }
    return name;
  }
}

/** Whether any object in `schema` has a `default` key (anything a default could be written from). */
function hasDefault(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some(hasDefault);
  for (const key in node) if (key === 'default' || hasDefault((node as Obj)[key])) return true;
  return false;
}

function compileFunction(scope: Scope, fn: PendingFunction): string {
  const w = new CodeWriter();
  w.block(`function ${fn.name}(data, instancePath)`, () => {
    w.line('let vErrors = null;');
    emitSchema(
      { w, scope, root: fn.root, data: 'data', ...ROOT_PATH, schemaPath: '#', composite: false, emit: emitSchema },
      fn.schema,
    );
    w.line('return vErrors;');
  });
  return w.toString();
}

/**
 * The exported validator. Without a `$ref: "#"` the root schema's code is its
 * body (no inner call, and instancePaths below the root are literals);
 * otherwise it calls the root's function, which the recursion calls too.
 * Each call stores its error list in `state` and marks the error objects of
 * the previous call stale; `errors` builds them when read (mvLazyErrors).
 */
function exportedFunction(scope: Scope, exportName: string, schema: Obj, state: string): string {
  const w = new CodeWriter();
  w.block(`export function ${exportName}(data)`, () => {
    if (hasRootRef(schema)) {
      w.line(`const errors = ${scope.refFunction(schema, '#')}(data, "");`);
      w.line(`${state}.list = errors;`);
      w.line(`${state}.built = false;`);
      w.line('return errors === null;');
      return;
    }
    w.line('let vErrors = null;');
    emitSchema({ w, scope, root: schema, data: 'data', ...EXPORT_ROOT_PATH, schemaPath: '#', composite: false, emit: emitSchema }, schema);
    w.line(`${state}.list = vErrors;`);
    w.line(`${state}.built = false;`);
    w.line('return vErrors === null;');
  });
  return w.toString();
}

function compileChunk({ exportName, schema }: OwnSchema, dialect: Dialect, useDefaults: boolean): Chunk {
  const scope = new Scope(dialect, useDefaults, exportName, schema);
  const state = scope.newName();
  const exported = exportedFunction(scope, exportName, schema, state);
  // Functions for recursive definitions (and the root, when `$ref: "#"` calls it), compiled as found.
  const functions: string[] = [];
  for (let i = 0; i < scope.pending.length; i++) functions.push(compileFunction(scope, scope.pending[i]!));
  const sites = scope.newName();
  const constants = [
    ...[...scope.formats].map(([name, ref]) => `const ${ref} = mvFormats[${jsLiteral(name)}];`),
    ...[...scope.constants].map(([code, name]) => `const ${name} = ${code};`),
    // After the constants: a site's params may name one (an enum's values).
    `const ${sites} = [${scope.sites.map((site) => `\n  ${site}`).join(',')}${scope.sites.length ? '\n' : ''}];`,
    `const ${state} = { list: null, errors: null, built: true };`,
  ];
  const errors = `mvLazyErrors(${exportName}, ${state}, ${sites});`;
  return {
    code: [constants.join('\n'), ...functions, exported, errors].join('\n\n'),
    helpers: [...scope.helpers],
    usesFormats: scope.formats.size > 0,
  };
}

/** Work done by compileOwnModule calls: chunks compiled, and taken from the memo. */
export interface ChunkCounts {
  compiled: number;
  reused: number;
}

/**
 * The module body (imports first) validating each schema: `body`, the
 * `bodyParts` joined by blank lines. `useDefaults` applies `default`s like
 * Ajv's option of that name.
 */
export function compileOwnModule(
  schemas: OwnSchema[],
  dialect: Dialect,
  options: { useDefaults: boolean; memo?: ChunkMemo; counts?: ChunkCounts },
): OwnModuleBody {
  return ownModuleBody(compileChunks(schemas, dialect, options));
}

/** Each schema's chunk, in order: from the memo when its schema is unchanged since the previous run, else compiled. */
export function compileChunks(
  schemas: OwnSchema[],
  dialect: Dialect,
  options: { useDefaults: boolean; memo?: ChunkMemo; counts?: ChunkCounts },
): Chunk[] {
  const chunks: Chunk[] = [];
  for (const s of schemas) {
    const key = options.memo ? (s.key ?? chunkKey(s.exportName, s.schema, dialect, options.useDefaults)) : undefined;
    let chunk = key ? memoizedChunk(options.memo!, key) : undefined;
    if (chunk) {
      if (options.counts) options.counts.reused++;
    } else {
      chunk = compileChunk(s, dialect, options.useDefaults);
      if (options.counts) options.counts.compiled++;
    }
    if (key) options.memo!.next.set(key.slot, { json: key.json, chunk });
    chunks.push(chunk);
  }
  return chunks;
}

export interface OwnModuleBody {
  imports: string[];
  /** The parts, for a caller that joins them into a larger module in one go (a 15 MB module joined twice costs twice). */
  bodyParts: string[];
  readonly body: string;
}

/** A self-contained module body holding `chunks`: the helpers they use, once, then each chunk. */
export function ownModuleBody(chunks: readonly Chunk[]): OwnModuleBody {
  const helpers = new Set(chunks.flatMap((c) => c.helpers));
  const imports = chunks.some((c) => c.usesFormats) ? ['import { fullFormats as mvFormats } from "ajv-formats/dist/formats.js";'] : [];
  const helperSources = (Object.keys(HELPER_SOURCES) as HelperName[]).filter((h) => helpers.has(h)).map((h) => HELPER_SOURCES[h].source);
  const bodyParts = [BASE_SOURCE, ...helperSources, ...chunks.map((c) => c.code)];
  return {
    imports,
    bodyParts,
    get body() {
      return bodyParts.join('\n\n');
    },
  };
}
