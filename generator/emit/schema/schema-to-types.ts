/**
 * TypeScript declarations for one tool schema, with mcpgen's own emitter
 * (`typescript/declarations.ts`). Each schema becomes its own module, so the
 * named types of `$defs` can never clash between tools.
 *
 * The emitter lays its output out as prettier would, so the write stage skips
 * prettier for these modules (they are most of a large server's files). The
 * rare module it cannot measure (non-ASCII literals) is formatted here, so
 * every module this returns is final.
 */
import type { JsonObject } from '../../load/manifest-types.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { PRETTIER_OPTIONS } from '../../output/format-files.js';
import { schemaToDeclarations } from './typescript/declarations.js';

/**
 * The module source declaring `typeName` (plus a named type per `$defs` entry),
 * formatted. `typeName` must be a valid identifier chosen by the IR.
 */
export async function schemaToTypes(schema: JsonObject, typeName: string, pointer: string): Promise<string> {
  const { code, laidOut } = schemaToDeclarations(schema, typeName);
  if (laidOut) return code;
  const prettier = await import('prettier');
  try {
    return await prettier.format(code, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  } catch (err) {
    throw new McpgenError({
      code: 'output/format-failed',
      severity: 'error',
      message: `Types generated from the schema at ${pointer} could not be formatted: ${(err as Error).message.split('\n')[0]}`,
      hint: 'This is a bug in mcpgen; please report it with the manifest that triggers it.',
    });
  }
}
