/**
 * `types.ts`: one exported type per definition, named exactly after it, with
 * its doc comment, plus the request/notification maps.
 *
 * mcpgen's own schema → TypeScript emitter (emit/schema/typescript) declares
 * each definition under its own name, so a `$ref` is always a reference to
 * that name: no numbered duplicates, no lost aliases (`EmptyResult = Result`),
 * no inlined copies of shared types; the description beside a `$ref` stays
 * on the property. A schema that types nothing (`{ "description": "any JSON
 * value" }`) is `unknown`. An index signature appears exactly where the
 * schema explicitly allows extra properties (`additionalProperties: {}` or a
 * schema), never where it is merely unspecified, which is what people expect
 * from MCP types.
 */
import { definitionsToDeclarations } from '../emit/schema/typescript/declarations.js';
import type { ProtocolModel } from './protocol-model.js';
import { renderRequestMaps } from './request-maps.js';

/** Renders types.ts for one revision (unformatted: the write stage runs prettier once). */
export async function renderTypes(model: ProtocolModel): Promise<string> {
  const { code } = definitionsToDeclarations(model.names.map((name) => ({ name, schema: model.definitions[name] })));
  return `${code}\n${renderRequestMaps(model)}`;
}
