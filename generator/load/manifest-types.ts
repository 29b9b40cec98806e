/**
 * The manifest as plain data. Tools, resources, templates and prompts are
 * shaped exactly like the spec's wire objects, so a `tools/list` result pastes
 * in unchanged; their fields are checked against the target revision's own
 * definition by `mcpgen lint`, not here.
 */

export type JsonObject = Record<string, unknown>;

/** The spec's `Tool` (fields vary by revision). */
export interface ManifestTool extends JsonObject {
  name: string;
  description?: string;
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
}

/** The spec's `Resource`. */
export interface ManifestResource extends JsonObject {
  uri: string;
  name: string;
}

/** The spec's `ResourceTemplate`. */
export interface ManifestResourceTemplate extends JsonObject {
  uriTemplate: string;
  name: string;
}

/** The spec's `Prompt`. */
export interface ManifestPrompt extends JsonObject {
  name: string;
  arguments?: { name: string; description?: string; required?: boolean }[];
}

/** The spec's `Implementation` (server info). */
export interface ManifestServer extends JsonObject {
  name: string;
  version: string;
}

/**
 * Authorization for the HTTP transport. Kept out of the wire objects: tools
 * name the scopes they need here, not on the Tool.
 */
export interface ManifestAuth {
  /** The protected resource URL (RFC 9728 `resource`), e.g. `https://mcp.example.com/mcp`. */
  resource: string;
  /** Issuer URLs of the authorization servers. */
  authorizationServers: string[];
  /** Every scope the server knows (`scopes_supported`). */
  scopes?: string[];
  /** Scopes each tool requires, by tool name. */
  toolScopes?: Record<string, string[]>;
}

export interface Manifest {
  /** Default target revision (`--revision` wins). */
  revision?: string;
  server?: ManifestServer;
  instructions?: string;
  tools: ManifestTool[];
  resources: ManifestResource[];
  resourceTemplates: ManifestResourceTemplate[];
  prompts: ManifestPrompt[];
  auth?: ManifestAuth;
}

/** Top-level keys a manifest may have; anything else is `load/unknown-key`. */
export const MANIFEST_KEYS = [
  '$schema',
  'revision',
  'server',
  'instructions',
  'tools',
  'resources',
  'resourceTemplates',
  'prompts',
  'auth',
  'provenance',
] as const;

/** Keys a pasted list result may carry; accepted and ignored. */
export const IGNORED_LIST_RESULT_KEYS = ['nextCursor', '_meta', 'ttlMs', 'cacheScope', 'resultType'] as const;

export const ARRAY_SECTIONS = ['tools', 'resources', 'resourceTemplates', 'prompts'] as const;
export type ArraySection = (typeof ARRAY_SECTIONS)[number];
