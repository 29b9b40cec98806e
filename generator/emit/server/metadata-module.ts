/**
 * `src/generated/metadata.ts`: the wire objects of the target revision
 * (exactly what `tools/list` & co. publish), server info, features and auth,
 * as JSON literals keyed by IR identifier. Data, not code: every manifest
 * string lands here through `jsLiteral`, never in a position where it could
 * be read as code. Emitted already laid out (indented JSON), so prettier
 * skips it: on large servers it is the biggest generated file.
 */
import type { IR } from '../../ir/model.js';
import { jsLiteral } from '../shared/safe-code.js';
import { toolTableParts } from './metadata-tool-table.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';

/**
 * A null-prototype object starts as a hash table: filling an ordinary one
 * with a thousand keys builds a hidden class per key (16 MB of garbage per
 * `generate --watch` save at 1,000 tools). Same keys, order and JSON.
 */
function byIdentifier(items: { identifier: string; wire: unknown }[]): Record<string, unknown> {
  const table = Object.create(null) as Record<string, unknown>;
  for (const i of items) table[i.identifier] = i.wire;
  return table;
}

/**
 * The declared type of a table keyed by identifier: one key per item, each
 * of `entry` type. Spelled out rather than inferred (`satisfies`), because
 * inference widens an array of objects with and without an optional field
 * to a union with `field?: undefined`, which is not JSON, and fails to
 * compile where the user's tsconfig lacks exactOptionalPropertyTypes.
 * Identifiers are valid JS names chosen by the IR.
 */
function tableType(items: { identifier: string }[], entry: string): string {
  if (items.length === 0) return 'Record<never, never>';
  return `{\n${items.map((i) => `  ${i.identifier}: ${entry};\n`).join('')}}`;
}

/**
 * Nesting (objects and arrays) beyond which a literal is not compared with
 * its declared type: TypeScript gives up near 50 levels (TS2321, "excessive
 * stack depth comparing types") against the recursive Json type, and lint
 * lets a schema nest up to 128.
 */
const UNCHECKED_DEPTH = 32;

/** Nesting depth of a JSON value; iterative, so no input can overflow the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  // Two parallel stacks and no iterators: this walks every node of the tool table on each run.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) max = depth + 1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        values.push(v[i]);
        depths.push(depth + 1);
      }
    } else {
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        values.push((v as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

/** The module's parts by IR: the server and the client write the same metadata.ts (2 MB at 1,000 tools), laid out once a run. */
const partsByIr = new ObjectMemo<IR, readonly string[]>({ inOneShotRuns: true });

/**
 * The module as parts joined with nothing between them: the TOOLS table
 * one part per tool (metadata-tool-table.ts), so the write stage need not
 * join it (output/parted-text.ts).
 */
export function metadataModuleParts(ir: IR): readonly string[] {
  return partsByIr.of(ir, layoutMetadataModule);
}

function layoutMetadataModule(ir: IR): string[] {
  const toolScopes = Object.fromEntries(ir.tools.filter((t) => t.requiredScopes.length).map((t) => [t.name, t.requiredScopes]));
  const auth = ir.auth ? { ...ir.auth, toolScopes } : undefined;
  let unchecked = false;
  /** The literal of `value`, wrapped in `unchecked()` when it nests too deep for TypeScript to compare. */
  const literal = (value: unknown): string => {
    if (jsonDepth(value) <= UNCHECKED_DEPTH) return jsLiteral(value, 2);
    unchecked = true;
    return `unchecked(${jsLiteral(value, 2)})`;
  };
  const tools = toolTableParts(ir.tools, jsonDepth, UNCHECKED_DEPTH) ?? [literal(byIdentifier(ir.tools))];
  const TOOLS = '\0TOOLS\0';
  const body = `export const SERVER_INFO: WireObject & { name: string; version: string } = ${literal(ir.server)};

export const INSTRUCTIONS: string | undefined = ${ir.instructions !== undefined ? jsLiteral(ir.instructions, 2) : 'undefined'};

/** The manifest's capabilities (the revision's ServerCapabilities), or undefined. */
export const CAPABILITIES: WireObject | undefined = ${ir.capabilities !== undefined ? literal(ir.capabilities) : 'undefined'};

export const FEATURES = ${jsLiteral(ir.features, 2)} as const;

export const TOOLS: ${tableType(ir.tools, 'ToolEntry')} = ${TOOLS};

export const RESOURCES: ${tableType(ir.resources, 'ResourceEntry')} = ${literal(byIdentifier(ir.resources))};

export const RESOURCE_TEMPLATES: ${tableType(ir.resourceTemplates, 'ResourceTemplateEntry')} = ${literal(byIdentifier(ir.resourceTemplates))};

export const PROMPTS: ${tableType(ir.prompts, 'PromptEntry')} = ${literal(byIdentifier(ir.prompts))};
`;
  const helper = unchecked
    ? `
/**
 * Types a literal without comparing it with its declared type: TypeScript
 * gives up (TS2321) on literals nested about 50 deep, as this manifest's are.
 */
function unchecked<T>(value: unknown): T {
  return value as T;
}
`
    : '';
  const text = `/**
 * Wire metadata for MCP revision ${ir.revision.id}, keyed by handler name.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type WireObject = { [key: string]: Json };
export type ToolEntry = WireObject & { name: string };
export type ResourceEntry = WireObject & { name: string; uri: string };
export type ResourceTemplateEntry = WireObject & { name: string; uriTemplate: string };
export type PromptEntry = WireObject & { name: string };
${helper}
${body}
export const AUTH:
  | {
      resource: string;
      authorizationServers: string[];
      scopes: string[];
      requiredScopes: string[];
      toolScopes: Record<string, string[]>;
      resourceScopes: Record<string, string[]>;
      promptScopes: Record<string, string[]>;
    }
  | undefined = ${auth ? jsLiteral(auth, 2) : 'undefined'};
`;
  // The marker cannot come from a manifest: jsLiteral escapes NUL in every string it embeds.
  const at = text.indexOf(TOOLS);
  return [text.slice(0, at), ...tools, text.slice(at + TOOLS.length)];
}
