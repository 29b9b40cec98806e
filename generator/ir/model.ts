/**
 * The intermediate representation: one plain-data model built from spec,
 * manifest and target revision. Emitters read only this; they never see YAML
 * nodes, never branch on revision strings, and never re-derive names.
 */
import type { RevisionInfo } from '../spec/revisions.js';
import type { JsonObject, ManifestPublish } from '../load/manifest-types.js';

export interface IrNamed {
  /** The wire name as declared (`get-weather`). */
  name: string;
  /** A collision-free camelCase identifier (`getWeather`); also used for file names. */
  identifier: string;
  /** A collision-free PascalCase type name (`GetWeather`). */
  typeName: string;
  /** JSON Pointer of the object in the merged manifest, for diagnostics. */
  pointer: string;
  /** The object exactly as it goes on the wire for the target revision. */
  wire: JsonObject;
}

export interface IrTool extends IrNamed {
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
  /** Scopes from `auth.toolScopes` (empty when none). */
  requiredScopes: string[];
}

export interface IrResource extends IrNamed {
  /** The uri as clients send it (WHATWG-normalized; `wire.uri` holds the same). */
  uri: string;
}

export interface IrResourceTemplate extends IrNamed {
  uriTemplate: string;
  /** RFC 6570 variables in order of first appearance, with how they reach the handler. */
  variables: { name: string; identifier: string; list: boolean; optional: boolean }[];
}

export interface IrPromptArgument {
  name: string;
  identifier: string;
  required: boolean;
  description?: string;
}

export interface IrPrompt extends IrNamed {
  arguments: IrPromptArgument[];
}

export interface IrAuth {
  resource: string;
  authorizationServers: string[];
  scopes: string[];
  /** Scopes every request needs (`auth.requiredScopes`). */
  requiredScopes: string[];
  /** `resources/read` scopes by resource URI or template name. */
  resourceScopes: Record<string, string[]>;
  /** `prompts/get` scopes by prompt name. */
  promptScopes: Record<string, string[]>;
}

/** A manifest field left out because the target revision's definition lacks it. */
export interface DroppedField {
  pointer: string;
  definition: string;
  field: string;
}

/**
 * Revision-dependent behaviour that emitters need, computed once from the
 * spec's definitions (never from revision strings) in `build-ir.ts`.
 */
export interface IrFeatures {
  /**
   * The revision is stateless: no `initialize` handshake and no HTTP sessions
   * (it defines `DiscoverRequest` and no `InitializeRequest`). Servers use the
   * SDK's per-request HTTP handler instead of one transport per session.
   */
  statelessHttp: boolean;
  /** `CallToolResult` has `structuredContent` (2025-06-18 on); older revisions never send it. */
  structuredContent: boolean;
  /** The revision has JSON-RPC batches (it defines `JSONRPCBatchRequest`); later ones refuse them. */
  batches: boolean;
}

export interface IR {
  revision: RevisionInfo;
  features: IrFeatures;
  /** sha256 of the spec file the IR was built from. */
  specSha256: string;
  server: JsonObject & { name: string; version: string };
  instructions?: string;
  /** The manifest's capabilities as the target revision's ServerCapabilities (fields it lacks dropped). */
  capabilities?: JsonObject;
  /**
   * Protocol versions the server accepts, the target revision first (it is
   * the one offered to a client asking for a newer one); undefined for a
   * stateless revision, which negotiates per request.
   */
  protocolVersions?: string[];
  /**
   * For each older revision in protocolVersions: what that revision lets the
   * server send, read from its official schema. A session that negotiated it
   * is answered in its terms.
   */
  olderRevisions?: Record<string, RevisionShape>;
  tools: IrTool[];
  resources: IrResource[];
  resourceTemplates: IrResourceTemplate[];
  prompts: IrPrompt[];
  auth?: IrAuth;
  /** The manifest's `publish` section as declared (lint checks it). */
  publish?: ManifestPublish;
  dropped: DroppedField[];
}

/** The objects a server sends whose fields differ between revisions. */
export const SHAPED_DEFINITIONS = ['Implementation', 'ServerCapabilities', 'Tool', 'Resource', 'ResourceTemplate', 'Prompt', 'CallToolResult'] as const;

export type ShapedDefinition = (typeof SHAPED_DEFINITIONS)[number];

/** What one revision lets a server send (see ir/revision-shape.ts). */
export interface RevisionShape {
  /** Field names per object, sorted. */
  fields: Record<ShapedDefinition, string[]>;
  /** `type` values of the content blocks a tool result may carry, sorted. */
  contentTypes: string[];
}
