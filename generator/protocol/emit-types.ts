/**
 * `types.ts`: one exported type per definition, named exactly after it, with
 * its doc comment, plus the request/notification maps.
 *
 * json-schema-to-typescript is given a rewritten copy of the definitions in
 * which every local `$ref` has become `tsType: "<Name>"`. That one step avoids
 * its three problems with the MCP schemas: numbered duplicates (`Annotations1`,
 * created when it dereferences a `$ref` that has a sibling `description`),
 * lost aliases (`EmptyResult`, which dereferences to the very object `Result`
 * is, so only one name survives) and inlined copies of shared types. The
 * property's own description (the `$ref` sibling) stays on the property.
 *
 * `additionalProperties: false` is passed as the *default* only: an index
 * signature appears exactly where the schema explicitly allows extra
 * properties (`additionalProperties: {}` or a schema), never where it is
 * merely unspecified, which is what people expect from MCP types.
 */
import type { JsonSchema } from '../spec/load-spec.js';
import type { ProtocolModel } from './protocol-model.js';
import { refName, transformSchema } from './schema-walk.js';
import { renderRequestMaps } from './request-maps.js';

const ROOT = 'McpgenProtocolRoot';

/** Keywords that give a schema a type; a schema with none of them accepts any JSON value. */
const TYPING = ['type', '$ref', 'tsType', 'const', 'enum', 'anyOf', 'oneOf', 'allOf', 'properties', 'items', 'additionalProperties', 'patternProperties', 'required', 'not'];

/** Rewrites one definition for json-schema-to-typescript (see the module comment). */
function forTypes(schema: JsonSchema): JsonSchema {
  return transformSchema(schema, (node) => {
    const target = refName(node.$ref);
    if (target) {
      const { $ref: _ref, ...rest } = node;
      return { ...rest, tsType: target };
    }
    // `{ "description": "any JSON value" }` (CallToolResult.structuredContent):
    // json-schema-to-typescript would make it an object type; it is `unknown`.
    if (!TYPING.some((k) => k in node)) return { ...node, tsType: 'unknown' };
    return node;
  });
}

/** Renders types.ts for one revision (unformatted: the write stage runs prettier once). */
export async function renderTypes(model: ProtocolModel): Promise<string> {
  const { compile } = await import('json-schema-to-typescript');
  const definitions: JsonSchema = {};
  for (const name of model.names) {
    const def = forTypes(model.definitions[name]!);
    // A definition that is only a $ref must stay a named alias (`type EmptyResult = Result`).
    definitions[name] = { ...def, title: name };
  }
  const root: JsonSchema = { title: ROOT, type: 'object', additionalProperties: false, definitions };
  const compiled = await compile(root as never, ROOT, {
    bannerComment: '',
    format: false,
    additionalProperties: false,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    strictIndexSignatures: false,
    enableConstEnums: false,
    // Refs are already rewritten; nothing must be fetched or read.
    $refOptions: { resolve: { external: false } } as never,
  });
  return `${stripRoot(compiled)}\n${renderRequestMaps(model)}`;
}

/**
 * Drops the synthetic root interface that only carried the definitions, and
 * the "referenced by McpgenProtocolRoot" note json-schema-to-typescript adds
 * to every doc comment (it names a type that does not exist in the output).
 */
function stripRoot(source: string): string {
  const re = new RegExp(`export interface ${ROOT} \\{\\s*\\}\\n?`);
  if (!re.test(source)) throw new Error(`mcpgen internal error: json-schema-to-typescript output lacks ${ROOT}`);
  return (
    source
      .replace(re, '')
      .replace(new RegExp(`( \\*\\s*\\n)? \\* This interface was referenced by \`${ROOT}\`'s JSON-Schema\\n \\* via the \`definition\` "[^"]+"\\.\\n`, 'g'), '')
      .replace(/\/\*\*\n \*\/\n/g, '')
      .trim() + '\n'
  );
}
