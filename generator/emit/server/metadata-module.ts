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

function byIdentifier(items: { identifier: string; wire: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(items.map((i) => [i.identifier, i.wire]));
}

export function metadataModule(ir: IR): string {
  const toolScopes = Object.fromEntries(ir.tools.filter((t) => t.requiredScopes.length).map((t) => [t.name, t.requiredScopes]));
  const auth = ir.auth ? { ...ir.auth, toolScopes } : undefined;
  return `/**
 * Wire metadata for MCP revision ${ir.revision.id}, keyed by handler name.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type WireObject = { [key: string]: Json };

export const SERVER_INFO: WireObject & { name: string; version: string } = ${jsLiteral(ir.server, 2)};

export const INSTRUCTIONS: string | undefined = ${ir.instructions !== undefined ? jsLiteral(ir.instructions, 2) : 'undefined'};

/** The manifest's capabilities (the revision's ServerCapabilities), or undefined. */
export const CAPABILITIES: WireObject | undefined = ${ir.capabilities !== undefined ? jsLiteral(ir.capabilities, 2) : 'undefined'};

export const FEATURES = ${jsLiteral(ir.features, 2)} as const;

export const TOOLS = ${jsLiteral(byIdentifier(ir.tools), 2)} satisfies Record<string, WireObject & { name: string }>;

export const RESOURCES = ${jsLiteral(byIdentifier(ir.resources), 2)} satisfies Record<string, WireObject & { name: string; uri: string }>;

export const RESOURCE_TEMPLATES = ${jsLiteral(byIdentifier(ir.resourceTemplates), 2)} satisfies Record<string, WireObject & { name: string; uriTemplate: string }>;

export const PROMPTS = ${jsLiteral(byIdentifier(ir.prompts), 2)} satisfies Record<string, WireObject & { name: string }>;

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
}
