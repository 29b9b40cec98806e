/**
 * What changes for a manifest or a handler between two adjacent MCP
 * revisions, as data. `mcpgen migrate` composes these steps across several
 * revisions (forwards, or backwards for a downgrade); `mcpgen diff FROM TO
 * --manifest` uses them to explain a revision diff in terms of one manifest.
 *
 * Schema-backed entries (`added`, `removed`, `renamed`, `type-changed`,
 * `made-required`) are checked against the official schemas by
 * test/migrate/migration-table.test.ts: every change that the revision diff
 * finds on a tracked definition must be listed here, and every entry listed
 * here must be confirmed by the diff, so the table cannot silently go stale.
 * `requirement` entries come from the specification's prose (rules the
 * schema cannot express) and carry their own check.
 */

/** What `migrate` does about a change when it applies to the manifest. */
export type MigrationAction =
  /** Rename the field in place. */
  | 'rename'
  /** Remove the field and warn, naming it. */
  | 'drop-with-warning'
  /** Nothing can be decided mechanically: report it for a human. */
  | 'requires-input'
  /** Informational: the change needs no edit. */
  | 'none';

/** The spec definitions a manifest declares (and the ones nested in them). */
export const TRACKED_DEFINITIONS = [
  'Tool',
  'ToolAnnotations',
  'Resource',
  'ResourceTemplate',
  'Annotations',
  'Prompt',
  'PromptArgument',
  'Implementation',
  'Icon',
  'ServerCapabilities',
  'CallToolResult',
] as const;
export type TrackedDefinition = (typeof TRACKED_DEFINITIONS)[number];

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'type-changed' | 'made-required' | 'requirement';

/** Who has to care about a change. */
export type MigrationScope =
  /** A field the manifest may hold. */
  | 'manifest'
  /** What user-owned handler code returns or receives. */
  | 'handler'
  /** The generated server handles it; listed so that nothing is hidden. */
  | 'generated';

/** A check of the manifest for a `requirement` entry, by id (see requirement-checks.ts). */
export type RequirementCheck = 'tool-name-rules' | 'x-mcp-header' | 'tool-output-schema' | 'auth-section';

export interface MigrationEntry {
  /** The revisions of the adjacent pair (`from` is the older). */
  from: string;
  to: string;
  definition: TrackedDefinition;
  /** The field concerned; absent for a `requirement` on the definition as a whole. */
  field?: string;
  change: ChangeKind;
  /** For `renamed`: the field's name in `to`. */
  renamedTo?: string;
  /** For `type-changed`: the types as `mcpgen diff` describes them. */
  types?: { from: string; to: string };
  scope: MigrationScope;
  /** What migrating from `from` to `to` does. */
  upgrade: MigrationAction;
  /** What migrating from `to` back to `from` does. */
  downgrade: MigrationAction;
  /** For `requirement`: the check that finds the affected manifest items. */
  check?: RequirementCheck;
  /** One line, for people. */
  explain: string;
  /** The spec page that states the change. */
  see: string;
}

const changelog = (rev: string) => `https://modelcontextprotocol.io/specification/${rev}/changelog`;
const page = (rev: string, path: string) => `https://modelcontextprotocol.io/specification/${rev}/${path}`;

/** A field a newer revision added: nothing to do going up; dropped with a warning going down. */
function added(from: string, to: string, definition: TrackedDefinition, field: string, explain: string, see = changelog(to)): MigrationEntry {
  return { from, to, definition, field, change: 'added', scope: 'manifest', upgrade: 'none', downgrade: 'drop-with-warning', explain, see };
}

/** A change of a field's declared type that leaves every valid manifest value valid. */
function retyped(from: string, to: string, definition: TrackedDefinition, field: string, types: { from: string; to: string }, explain: string, scope: MigrationScope = 'manifest'): MigrationEntry {
  return { from, to, definition, field, change: 'type-changed', types, scope, upgrade: 'none', downgrade: 'none', explain, see: changelog(to) };
}

const R1 = '2024-11-05';
const R2 = '2025-03-26';
const R3 = '2025-06-18';
const R4 = '2025-11-25';
const R5 = '2026-07-28';

/** Every change, grouped by adjacent pair, oldest first. */
export const MIGRATION_TABLE: readonly MigrationEntry[] = [
  // 2024-11-05 -> 2025-03-26
  added(R1, R2, 'Tool', 'annotations', 'Tools gained behaviour hints (readOnlyHint, destructiveHint, idempotentHint, openWorldHint).', page(R2, 'server/tools')),
  added(R1, R2, 'ServerCapabilities', 'completions', 'Servers may announce argument completion; mcpgen declares capabilities itself.'),
  retyped(R1, R2, 'Resource', 'annotations', { from: 'object', to: 'Annotations' }, 'Resource annotations became the shared Annotations type; existing values stay valid.'),
  retyped(R1, R2, 'ResourceTemplate', 'annotations', { from: 'object', to: 'Annotations' }, 'Template annotations became the shared Annotations type; existing values stay valid.'),
  retyped(
    R1,
    R2,
    'CallToolResult',
    'content',
    { from: 'array<anyOf(EmbeddedResource | ImageContent | TextContent)>', to: 'array<anyOf(AudioContent | EmbeddedResource | ImageContent | TextContent)>' },
    'Tool results may carry audio content; handlers that return audio do not compile for older revisions.',
    'handler',
  ),
  {
    from: R1,
    to: R2,
    definition: 'Implementation',
    change: 'requirement',
    scope: 'manifest',
    check: 'auth-section',
    upgrade: 'none',
    downgrade: 'requires-input',
    explain: 'OAuth authorization for the HTTP transport arrived in 2025-03-26; 2024-11-05 clients know no authorization flow, so the `auth` section has no standard meaning there.',
    see: page(R2, 'basic/authorization'),
  },

  // 2025-03-26 -> 2025-06-18
  added(R2, R3, 'Tool', 'title', 'Tools gained a display title.'),
  added(R2, R3, 'Tool', 'outputSchema', 'Tools may declare the shape of their structured result.', page(R3, 'server/tools#output-schema')),
  added(R2, R3, 'Tool', '_meta', 'Tools may carry _meta.'),
  added(R2, R3, 'Resource', 'title', 'Resources gained a display title.'),
  added(R2, R3, 'Resource', '_meta', 'Resources may carry _meta.'),
  added(R2, R3, 'ResourceTemplate', 'title', 'Resource templates gained a display title.'),
  added(R2, R3, 'ResourceTemplate', '_meta', 'Resource templates may carry _meta.'),
  added(R2, R3, 'Prompt', 'title', 'Prompts gained a display title.'),
  added(R2, R3, 'Prompt', '_meta', 'Prompts may carry _meta.'),
  added(R2, R3, 'PromptArgument', 'title', 'Prompt arguments gained a display title.'),
  added(R2, R3, 'Implementation', 'title', 'Server info gained a display title.'),
  added(R2, R3, 'Annotations', 'lastModified', 'Resource annotations gained lastModified.'),
  {
    ...added(R2, R3, 'CallToolResult', 'structuredContent', 'Tool results may carry structuredContent, checked against the tool\'s outputSchema.', page(R3, 'server/tools#structured-content')),
    scope: 'handler',
    check: 'tool-output-schema',
    downgrade: 'requires-input',
  },
  retyped(
    R2,
    R3,
    'CallToolResult',
    'content',
    { from: 'array<anyOf(AudioContent | EmbeddedResource | ImageContent | TextContent)>', to: 'array<ContentBlock>' },
    'Tool results may carry resource links (ContentBlock); handlers returning them do not compile for older revisions.',
    'handler',
  ),

  // 2025-06-18 -> 2025-11-25
  added(R3, R4, 'Tool', 'icons', 'Tools gained icons (SEP-973).'),
  added(R3, R4, 'Tool', 'execution', 'Tools may declare task support (execution.taskSupport, experimental).'),
  added(R3, R4, 'Resource', 'icons', 'Resources gained icons (SEP-973).'),
  added(R3, R4, 'ResourceTemplate', 'icons', 'Resource templates gained icons (SEP-973).'),
  added(R3, R4, 'Prompt', 'icons', 'Prompts gained icons (SEP-973).'),
  added(R3, R4, 'Implementation', 'icons', 'Server info gained icons (SEP-973).'),
  added(R3, R4, 'Implementation', 'description', 'Server info gained a description.'),
  added(R3, R4, 'Implementation', 'websiteUrl', 'Server info gained websiteUrl.'),
  added(R3, R4, 'ServerCapabilities', 'tasks', 'Servers may announce tasks (experimental); mcpgen declares capabilities itself.'),
  {
    from: R3,
    to: R4,
    definition: 'Tool',
    field: 'name',
    change: 'requirement',
    scope: 'manifest',
    check: 'tool-name-rules',
    upgrade: 'requires-input',
    downgrade: 'none',
    explain: 'Tool names SHOULD be 1 to 128 characters of A-Z a-z 0-9 _ - . (SEP-986); rename the tool (declare renamedFrom to keep its handler).',
    see: page(R4, 'server/tools#tool-names'),
  },

  // 2025-11-25 -> 2026-07-28
  {
    from: R4,
    to: R5,
    definition: 'Tool',
    field: 'execution',
    change: 'removed',
    scope: 'manifest',
    upgrade: 'drop-with-warning',
    downgrade: 'none',
    explain: 'Tool execution (task support) left the core protocol; tasks moved to an extension.',
    see: changelog(R5),
  },
  retyped(R4, R5, 'Tool', '_meta', { from: 'object', to: 'MetaObject' }, '_meta became the shared MetaObject type; existing values stay valid.'),
  retyped(R4, R5, 'Resource', '_meta', { from: 'object', to: 'MetaObject' }, '_meta became the shared MetaObject type; existing values stay valid.'),
  retyped(R4, R5, 'ResourceTemplate', '_meta', { from: 'object', to: 'MetaObject' }, '_meta became the shared MetaObject type; existing values stay valid.'),
  retyped(R4, R5, 'Prompt', '_meta', { from: 'object', to: 'MetaObject' }, '_meta became the shared MetaObject type; existing values stay valid.'),
  {
    from: R4,
    to: R5,
    definition: 'ServerCapabilities',
    field: 'tasks',
    change: 'removed',
    scope: 'generated',
    upgrade: 'none',
    downgrade: 'none',
    explain: 'The tasks capability left the core protocol (now an extension); generated servers stop announcing it.',
    see: changelog(R5),
  },
  added(R4, R5, 'ServerCapabilities', 'extensions', 'Servers announce protocol extensions; mcpgen declares capabilities itself.'),
  retyped(R4, R5, 'ServerCapabilities', 'completions', { from: 'object', to: 'JSONObject' }, 'Capability values became JSONObject.', 'generated'),
  retyped(R4, R5, 'ServerCapabilities', 'experimental', { from: 'map<object>', to: 'map<JSONObject>' }, 'Capability values became JSONObject.', 'generated'),
  retyped(R4, R5, 'ServerCapabilities', 'logging', { from: 'object', to: 'JSONObject' }, 'Capability values became JSONObject; logging is deprecated.', 'generated'),
  {
    from: R4,
    to: R5,
    definition: 'CallToolResult',
    field: 'resultType',
    change: 'added',
    scope: 'generated',
    upgrade: 'none',
    downgrade: 'none',
    explain: 'Results carry a required resultType; the SDK sets it, so handlers keep returning the same objects.',
    see: changelog(R5),
  },
  retyped(R4, R5, 'CallToolResult', '_meta', { from: 'object', to: 'ResultMetaObject' }, 'Result _meta became ResultMetaObject.', 'handler'),
  retyped(R4, R5, 'CallToolResult', 'structuredContent', { from: 'object', to: 'any' }, 'structuredContent may be any JSON value, not only an object; existing handlers stay valid.', 'handler'),
  {
    from: R4,
    to: R5,
    definition: 'Tool',
    field: 'inputSchema',
    change: 'requirement',
    scope: 'manifest',
    check: 'x-mcp-header',
    upgrade: 'none',
    downgrade: 'drop-with-warning',
    explain: 'x-mcp-header on inputSchema properties (mirroring an argument into an Mcp-Param-* header) exists from 2026-07-28 on.',
    see: page(R5, 'server/tools'),
  },
];
