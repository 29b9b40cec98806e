/**
 * Precompiles JSON Schemas (tool input and output schemas) into validator
 * modules, so the generated server never compiles a schema at start-up. One
 * module per JSON Schema dialect, because Ajv's draft-07 and 2020-12 classes
 * are separate instances and their standalone code would clash in one file.
 *
 * Schemas built from the keywords real tools use go through mcpgen's own
 * compiler (validator-codegen/): about a hundred times faster than Ajv's
 * standalone code generation and much smaller output, with Ajv's results and
 * errors. Any other schema goes through Ajv (driven through ajv-standalone.ts,
 * shared with the protocol validators), so correctness never depends on the
 * fast path.
 */
import type { Dialect } from '../../spec/revisions.js';
import type { JsonObject } from '../../load/manifest-types.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { escapeGeneratedSource } from '../shared/safe-code.js';
import { joinedBy } from '../shared/code-layout.js';
import { createAjv, standaloneModule } from './ajv-standalone.js';
import { type Chunk, type ChunkMemo, chunkKey, compileChunks, memoizedChunk, ownModuleBody, type OwnSchema } from './validator-codegen/compile-module.js';
import { runMemosKept } from '../../pipeline/run-memos.js';
import { unsupportedReason } from './validator-codegen/support.js';
import { sectionsOf } from './validator-sections.js';

export interface SchemaToCompile {
  /** Export name of the validator function: a valid, unique JS identifier. */
  exportName: string;
  schema: JsonObject;
  /** For error messages (`/tools/0/inputSchema`). */
  pointer: string;
  /** `JSON.stringify(schema)`, when the caller has it already (a memo key). */
  json?: string;
  /**
   * The schemas of one unit (a tool's input and output) always share a
   * file when a large module is split (CompiledModule.files); default: the
   * export name.
   */
  unit?: string;
}

/** One file the built-in emitters write for a module, named by its path below the validators folder. */
export interface ValidatorFile {
  /** `2020-12`, or `2020-12/part-07` for a section of a split module; fixed names, never from a manifest. */
  stem: string;
  /**
   * The file's text after `header`, as parts to be joined with nothing
   * between them: the chunk of each schema is a part of its own, the same
   * string from run to run while its schema is unchanged, so the write stage
   * can hash and write the file without joining it (output/parted-text.ts).
   */
  partsAfter(header: string): readonly string[];
}

export interface CompiledModule {
  /** File name stem (`draft-07`, `2020-12`), fixed, never from a manifest. */
  dialect: Dialect;
  /** ESM TypeScript source (`// @ts-nocheck`: Ajv emits untyped JavaScript). */
  readonly code: string;
  /**
   * `header + code`, built in one piece: the 15 MB module of a 1,000-tool
   * server is not copied once more to put a header in front (the same
   * string for the same header, so a server and a client share it).
   */
  codeAfter(header: string): string;
  exportNames: string[];
  /**
   * The files the built-in emitters write for this module. Up to
   * SECTION_UNITS tools (validator-sections.ts), one: `<dialect>`, the
   * whole module as above. Above that, the tools are spread over sections by a hash of their name, each a
   * self-contained module (with the helpers its validators use), and
   * `<dialect>` re-exports them (and holds Ajv's code, if any): an edit to
   * one tool rewrites its section only, not a module of 13 MB at 1,000
   * tools that `generate --watch` would hash and write again on every save
   * and a downstream watcher (tsc, an editor) would read again.
   */
  files: readonly ValidatorFile[];
}

const DRAFT_07 = /json-schema\.org\/draft-0[4-7]\/schema/;
const DRAFT_2020 = /json-schema\.org\/draft\/2020-12\/schema/;
/** The dialects Ajv has meta-schemas for here (DRAFT_07 also groups draft-04 to -06 with draft-07). */
const AJV_DIALECTS = [/json-schema\.org\/draft-07\/schema/, DRAFT_2020];

/** The dialect a schema is written in: its `$schema`, else the revision's default. */
export function schemaDialect(schema: JsonObject, fallback: Dialect): Dialect {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (DRAFT_07.test(declared)) return 'draft-07';
  if (DRAFT_2020.test(declared)) return '2020-12';
  return fallback;
}

/**
 * Work done by the last compileValidators call: schemas compiled by mcpgen's
 * compiler (`own`), taken unchanged from the previous call (`reused`), and
 * compiled by Ajv (`ajv`). For tests that check generation scales by
 * counting work instead of timing it.
 */
export const validatorCompileStats = { own: 0, reused: 0, ajv: 0 };

/**
 * Compiled chunks of the previous call, so `generate --watch` recompiles
 * only the schemas that changed. Replaced on each call, so it never grows
 * beyond one run's schemas.
 */
let previousChunks: ChunkMemo['previous'] = new Map();

export async function compileValidators(schemas: SchemaToCompile[], fallback: Dialect): Promise<CompiledModule[]> {
  validatorCompileStats.own = 0;
  validatorCompileStats.reused = 0;
  validatorCompileStats.ajv = 0;
  // Only a process that re-runs keeps chunks (pipeline/run-memos.ts): a one-shot run would pay their keys for nothing.
  const memo: ChunkMemo | undefined = runMemosKept() ? { previous: previousChunks, next: new Map() } : undefined;
  const groups = new Map<Dialect, SchemaToCompile[]>();
  for (const s of schemas) {
    const d = schemaDialect(s.schema, fallback);
    const group = groups.get(d);
    const entry = withKnownDialect(s);
    if (group) group.push(entry);
    else groups.set(d, [entry]);
  }
  const modules: CompiledModule[] = [];
  for (const [dialect, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    modules.push(await compileGroup(dialect, group, memo));
  }
  if (memo) previousChunks = memo.next;
  return modules;
}

/**
 * A `$schema` naming a dialect mcpgen does not know (lint warns:
 * `tool-schema/unknown-dialect`) is compiled as the revision's default
 * dialect, like the type emitter and the lint checks read it, instead of
 * making Ajv look for a meta-schema it cannot have (the fuzzer found lint-clean
 * manifests failing generate that way). The published schema keeps it.
 */
function withKnownDialect(s: SchemaToCompile): SchemaToCompile {
  const declared = s.schema.$schema;
  if (declared === undefined || (typeof declared === 'string' && AJV_DIALECTS.some((d) => d.test(declared)))) return s;
  const { $schema: _unknown, ...schema } = s.schema;
  const { json: _other, ...rest } = s;
  return { ...rest, schema };
}

async function compileGroup(dialect: Dialect, group: SchemaToCompile[], memo: ChunkMemo | undefined): Promise<CompiledModule> {
  // `$id` would give the schema a base URI of its own; exports are addressed by name.
  const withoutId = (s: SchemaToCompile): JsonObject => {
    if (!('$id' in s.schema)) return s.schema;
    const { $id: _ignored, ...schema } = s.schema;
    return schema;
  };
  const own: OwnSchema[] = [];
  const units: string[] = [];
  const viaAjv: SchemaToCompile[] = [];
  for (const s of group) {
    const schema = withoutId(s);
    const key = memo ? chunkKey(s.exportName, schema, dialect, true, schema === s.schema ? s.json : undefined) : undefined;
    // A schema compiled in the previous run passed the support check then.
    if ((key !== undefined && memoizedChunk(memo!, key) !== undefined) || unsupportedReason(schema, dialect, true) === undefined) {
      own.push({ exportName: s.exportName, schema, ...(key !== undefined ? { key } : {}) });
      units.push(s.unit ?? s.exportName);
    } else viaAjv.push(s);
  }
  validatorCompileStats.ajv += viaAjv.length;
  const counts = { compiled: 0, reused: 0 };
  const chunks = compileChunks(own, dialect, { useDefaults: true, ...(memo ? { memo } : {}), counts });
  validatorCompileStats.own += counts.compiled;
  validatorCompileStats.reused += counts.reused;
  const ajvSource = viaAjv.length ? await ajvModule(dialect, viaAjv) : '';
  // mcpgen's own code embeds every string through jsLiteral, which already
  // escapes what escapeGeneratedSource would (U+2028/U+2029, `</`); only Ajv's
  // output needs the pass (scanning megabytes of own code again costs a
  // watch-mode run tens of milliseconds).
  const ajvHead = ajvSource ? [escapeGeneratedSource(ajvSource)] : [];
  const whole = modulePartsAfter(ajvHead, chunks);
  const sections: ValidatorFile[] = sectionsOf(chunks, units).map(({ section, members }) => ({ stem: `${dialect}/${section}`, partsAfter: modulePartsAfter([], members) }));
  const reexports = (header: string): string[] => [`${header}${['// @ts-nocheck', ...ajvHead, ...sections.map((s) => `export * from './${s.stem}.js';`)].join('\n')}\n`];
  const files: ValidatorFile[] = sections.length ? [{ stem: dialect, partsAfter: byHeader(reexports) }, ...sections] : [{ stem: dialect, partsAfter: whole }];
  // Built on first use only: the write stage asks for the module with its header.
  let code: string | undefined;
  const after = new Map<string, string>();
  return {
    dialect,
    get code() {
      return (code ??= whole('').join(''));
    },
    codeAfter(header: string) {
      let text = after.get(header);
      if (text === undefined) after.set(header, (text = whole(header).join('')));
      return text;
    },
    exportNames: group.map((s) => s.exportName),
    files,
  };
}

/**
 * A module of `chunks` (after `head`: Ajv's code, if any) as parts: header
 * and head, then the body's parts separated by blank lines, then a final
 * newline. Each part stays the string it was (no copy of a 13 MB module, no
 * new string per chunk), so a re-run finds the bytes of its unchanged chunks
 * (output/text-bytes.ts).
 */
function modulePartsAfter(head: readonly string[], chunks: readonly Chunk[]): (header: string) => readonly string[] {
  return byHeader((header) => {
    const mine = chunks.length ? ownModuleBody(chunks) : undefined;
    const top = ['// @ts-nocheck', ...(mine?.imports ?? []), ...head].join('\n');
    const body = mine?.bodyParts ?? [];
    return [`${header}${top}${body.length ? '\n' : ''}`, ...joinedBy('\n\n', body), '\n'];
  });
}

/** `parts`, built once per header on first use (a server and a client share them). */
function byHeader(parts: (header: string) => readonly string[]): (header: string) => readonly string[] {
  const built = new Map<string, readonly string[]>();
  return (header) => {
    let list = built.get(header);
    if (list === undefined) built.set(header, (list = parts(header)));
    return list;
  };
}

async function ajvModule(dialect: Dialect, group: SchemaToCompile[]): Promise<string> {
  // allErrors: an invalid call names every bad field. ownProperties: without
  // it a property named `constructor` or `toString` is "present" on every
  // object (inherited from Object.prototype). useDefaults: input defaults are
  // applied before the handler runs (output schemas arrive without `default`).
  const ajv = await createAjv(dialect, { source: true, allErrors: true, ownProperties: true, useDefaults: true });
  const refs: Record<string, string> = {};
  for (const s of group) {
    const key = `mcpgen:${s.exportName}`;
    // `$id` would register the schema under a second key and may clash
    // between tools; the generated module addresses schemas by export name.
    const { $id: _ignored, ...schema } = s.schema;
    try {
      ajv.addSchema(schema, key);
      ajv.getSchema(key);
    } catch (err) {
      throw new McpgenError(
        {
          code: 'emit/schema-unsupported',
          severity: 'error',
          message: `The schema at ${s.pointer} cannot be compiled into a validator: ${(err as Error).message}`,
          hint: 'Check the schema against its JSON Schema dialect.',
        },
        2,
        s.pointer,
      );
    }
    refs[s.exportName] = key;
  }
  // The generated package depends on ajv and ajv-formats, so formats mcpgen
  // does not inline are imported from them.
  return standaloneModule(ajv, refs, { allowImports: true });
}
