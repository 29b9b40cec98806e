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
  /** mcpgen's own key, never on the wire: the tool's previous name (keeps its handler; see `mcpgen migrate`). */
  renamedFrom?: string;
}

/** Keys of a manifest tool that are mcpgen's, not the spec's: left out of the wire object. */
export const TOOL_MCPGEN_KEYS: readonly string[] = ['renamedFrom'];

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
  /** Scopes every request requires. */
  requiredScopes?: string[];
  /** Scopes `resources/read` requires, by resource URI or resource template name. */
  resourceScopes?: Record<string, string[]>;
  /** Scopes `prompts/get` requires, by prompt name. */
  promptScopes?: Record<string, string[]>;
}

export interface Manifest {
  /** Default target revision (`--revision` wins). */
  revision?: string;
  server?: ManifestServer;
  instructions?: string;
  /** The revision's ServerCapabilities the generated server declares (logging, completions, resources.subscribe, ...). */
  capabilities?: JsonObject;
  /** Older revisions the generated server also accepts (the target revision is always first). */
  compatibleRevisions?: string[];
  tools: ManifestTool[];
  resources: ManifestResource[];
  resourceTemplates: ManifestResourceTemplate[];
  prompts: ManifestPrompt[];
  auth?: ManifestAuth;
  publish?: ManifestPublish;
}

/** Top-level keys a manifest may have; anything else is `load/unknown-key`. */
export const MANIFEST_KEYS = [
  '$schema',
  'revision',
  'server',
  'instructions',
  'capabilities',
  'compatibleRevisions',
  'tools',
  'resources',
  'resourceTemplates',
  'prompts',
  'auth',
  'publish',
  'provenance',
] as const;

/** Keys a pasted list result may carry; accepted and ignored. */
export const IGNORED_LIST_RESULT_KEYS = ['nextCursor', '_meta', 'ttlMs', 'cacheScope', 'resultType'] as const;

export const ARRAY_SECTIONS = ['tools', 'resources', 'resourceTemplates', 'prompts'] as const;
export type ArraySection = (typeof ARRAY_SECTIONS)[number];

/** An environment variable the server reads (server.json `environmentVariables`, client set-up `env`). */
export interface ManifestEnvironmentVariable {
  name: string;
  description?: string;
  /** A password, token or key: clients store it securely and never show it. */
  isSecret?: boolean;
  isRequired?: boolean;
  default?: string;
}

/**
 * Publishing metadata: what the MCP Registry's server.json, the package's
 * `mcpName` and the client set-up snippets need beyond the server's identity.
 * Kept out of the wire objects.
 */
export interface ManifestPublish {
  /** The registry name, reverse-DNS with one slash (`io.github.owner/weather`). Default: from a GitHub `repository`. */
  name?: string;
  /** The source repository URL (`https://github.com/owner/repo`). */
  repository?: string;
  /** The npm package identifier. Default: the generated package's name. */
  package?: string;
  /** The public Streamable HTTP endpoint (server.json `remotes`). Default: `auth.resource`. */
  url?: string;
  environmentVariables?: ManifestEnvironmentVariable[];
}
