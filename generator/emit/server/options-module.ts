/**
 * `src/generated/server-options.ts`: how the `McpServer` is constructed for
 * the target revision: the manifest's `instructions`, and the protocol
 * version it answers `initialize` with. A revision with the `initialize`
 * handshake is pinned: a client offering a newer version gets the target
 * revision back (the SDK would otherwise answer with its own latest one and
 * speak a revision the manifest was never checked against).
 */
import type { IR } from '../../ir/model.js';
import { stringLiteral } from '../shared/safe-code.js';

export function optionsModule(ir: IR): string {
  const pinned = ir.protocolVersions;
  return `import type { McpServerOptions } from '@modelcontextprotocol/server';
import { CAPABILITIES, INSTRUCTIONS } from './metadata.js';
import type { RevisionShape } from './older-revisions.js';
import { capabilities } from './sdk-compat.js';

/** The protocol versions this server speaks${pinned ? '' : ' (the SDK default: a stateless revision negotiates per request)'}. */
export const PROTOCOL_VERSIONS: string[] | undefined = ${pinned ? `[${pinned.map(stringLiteral).join(", ")}]` : "undefined"};

/**
 * For each older revision a session may negotiate: the fields that revision
 * defines (from its official schema), so the session is answered in its terms.
 */
export const OLDER_REVISIONS: Record<string, RevisionShape> = ${JSON.stringify(ir.olderRevisions ?? {}, null, 2)};

export function serverOptions(): McpServerOptions {
  return {
    ...(INSTRUCTIONS !== undefined ? { instructions: INSTRUCTIONS } : {}),
    ...(PROTOCOL_VERSIONS ? { supportedProtocolVersions: PROTOCOL_VERSIONS } : {}),
    ...(CAPABILITIES !== undefined ? { capabilities: capabilities(CAPABILITIES) } : {}),
  };
}
`;
}
