/**
 * TypeScript declarations from a JSON Schema with json-schema-to-typescript
 * (loaded lazily). Each schema becomes its own module, so the named types that
 * nested `title`s and `$defs` produce can never clash between tools.
 */
import type { JsonObject } from '../../load/manifest-types.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { escapeGeneratedSource } from '../shared/safe-code.js';

/**
 * The module source declaring `typeName` (plus any nested named types).
 * `typeName` must be a valid identifier chosen by the IR.
 */
export async function schemaToTypes(schema: JsonObject, typeName: string, pointer: string): Promise<string> {
  const { compile } = await import('json-schema-to-typescript');
  // The root's title or $id would rename the root type; the IR chose the name.
  const { title: _title, $id: _id, ...root } = structuredClone(schema);
  try {
    const code = await compile(root as Parameters<typeof compile>[0], typeName, {
      bannerComment: '',
      format: false,
      unreachableDefinitions: true,
      // No `[k: string]: unknown` index signature unless the schema declares
      // additionalProperties: a handler should not be able to slip an
      // unknown field past the type (an unknown field on a closed object).
      additionalProperties: false,
      // Bounded arrays stay `T[]`: the default spells `maxItems: 10` as a
      // union of eleven tuple types (megabytes of types for large servers).
      maxItems: -1,
      // Refs were resolved at load time; never let the compiler read files or the network.
      $refOptions: { resolve: { file: false, http: false } } as never,
    });
    if (!new RegExp(`export (interface|type) ${typeName}\\b`).test(code)) {
      return `${escapeGeneratedSource(code)}\nexport type ${typeName} = unknown;\n`;
    }
    return escapeGeneratedSource(code);
  } catch (err) {
    throw new McpgenError({
      code: 'output/format-failed',
      severity: 'error',
      message: `Types cannot be generated from the schema at ${pointer}: ${(err as Error).message.split('\n')[0]}`,
      hint: 'Check that the schema is valid JSON Schema.',
    });
  }
}
