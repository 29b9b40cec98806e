/**
 * TypeScript declarations for one tool schema, with mcpgen's own emitter
 * (`typescript/declarations.ts`). Each schema becomes its own module, so the
 * named types of `$defs` can never clash between tools.
 *
 * The emitter lays its output out as prettier would, so the write stage skips
 * prettier for these modules (they are most of a large server's files). The
 * rare module it cannot measure exactly (string literals or keys with
 * non-ASCII text, whose display width it does not compute) keeps the
 * emitter's own layout, still one member per line: loading the formatter
 * for it would cost more than the rest of a small run.
 */
import type { JsonObject } from '../../load/manifest-types.js';
import { schemaToDeclarations } from './typescript/declarations.js';

/**
 * The module source declaring `typeName` (plus a named type per `$defs` entry).
 * `typeName` must be a valid identifier chosen by the IR. Errors are located
 * by the caller (pipeline/tool-artifacts.ts), which knows the schema's pointer.
 */
export async function schemaToTypes(schema: JsonObject, typeName: string): Promise<string> {
  return schemaToDeclarations(schema, typeName).code;
}
