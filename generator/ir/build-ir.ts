/**
 * Builds the IR from a loaded manifest, a loaded spec and the mcpgen version.
 * Pure: it reads its inputs and never mutates them. The IR shares the
 * manifest's (plain, freshly loaded) data instead of copying it, so it and
 * the manifest are read-only from here on.
 */
import type { LoadedManifest } from '../load/load-manifest.js';
import { TOOL_MCPGEN_KEYS, type JsonObject, type ManifestTool } from '../load/manifest-types.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { ObjectMemo } from '../pipeline/run-memos.js';
import { adaptToRevision, definitionFields } from './revision-adapter.js';
import { NameScope } from './naming.js';
import { revisionShape } from './revision-shape.js';
import { normalizeResourceUri } from './resource-uri.js';
import { uriTemplateVariableShapes } from './uri-template.js';
import type { DroppedField, IR, RevisionShape, IrNamed, IrPrompt, IrResource, IrResourceTemplate, IrTool } from './model.js';

export interface BuildIrOptions {
  /**
   * The spec of another revision, for the older revisions a session-keeping
   * server also accepts (`compatibleRevisions`); undefined when unknown or
   * unavailable (lint reports that).
   */
  otherSpec?: (revision: string) => LoadedSpec | undefined;
  /**
   * false: no identifiers or type names (they stay empty). For lint, whose
   * rules never read them: naming every item is a visible part of linting a
   * large manifest. Such an IR never reaches an emitter (prepare.ts).
   */
  names?: boolean;
}

const UNNAMED = { identifier: '', typeName: '' };

export function buildIr(loaded: LoadedManifest, spec: LoadedSpec, options: BuildIrOptions = {}): IR {
  const m = loaded.manifest;
  const dropped: DroppedField[] = [];
  // One scope for value identifiers and one for type names across all kinds,
  // because they share the generated module namespace and file folders.
  const values = new NameScope();
  const types = new NameScope();

  // Identifiers are claimed in the order of the names themselves, not of the manifest, so that two
  // names that differ only in case (`Search`, `search`) get the same identifiers whichever comes first.
  const claims = new Map<string, { identifier: string; typeName: string }>();
  const all: { pointer: string; name: unknown; fallback: string }[] = [];
  const sections = [['tools', 'tool'], ['resources', 'resource'], ['resourceTemplates', 'template'], ['prompts', 'prompt']] as const;
  for (const [section, noun] of sections) {
    (m[section] as unknown[]).forEach((item, i) =>
      all.push({ pointer: `/${section}/${i}`, name: (item as { name?: unknown })?.name, fallback: `${noun}${i + 1}` }),
    );
  }
  const key = (n: unknown) => (typeof n === 'string' ? n : '');
  const naming = options.names !== false;
  for (const c of naming ? [...all].sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0)) : []) {
    claims.set(c.pointer, {
      identifier: values.claim(c.name as string, 'camel', c.fallback),
      typeName: types.claim(c.name as string, 'pascal', c.fallback.charAt(0).toUpperCase() + c.fallback.slice(1)),
    });
  }

  /** The fields every declared object gets: its name, identifiers, location and wire form. */
  const named = (source: JsonObject & { name: string }, definition: string, pointer: string, _fallback: string): IrNamed => ({
    name: source.name,
    ...(claims.get(pointer) ?? UNNAMED),
    pointer,
    wire: adaptToRevision(source, definition, spec, pointer, dropped),
  });

  // Literal objects in named's field order, not spreads of an intermediate one: a manifest may hold thousands of tools.
  const toolsHaveOutputSchema = definitionFields(spec, 'Tool')?.has('outputSchema') ?? false;
  const tools: IrTool[] = m.tools.map((tool, i) => {
    const pointer = `/tools/${i}`;
    const { identifier, typeName } = claims.get(pointer) ?? UNNAMED;
    const scopes = m.auth?.toolScopes?.[tool.name];
    const known = previousTools.get(tool);
    if (
      known !== undefined &&
      known.spec === spec &&
      known.tool.pointer === pointer &&
      known.tool.identifier === identifier &&
      known.tool.typeName === typeName &&
      sameStrings(known.tool.requiredScopes, scopes)
    ) {
      for (const d of known.dropped) dropped.push(d);
      return known.tool;
    }
    const droppedBefore = dropped.length;
    const name = tool.name;
    const wire = adaptToRevision(wireTool(tool), 'Tool', spec, pointer, dropped);
    const inputSchema = tool.inputSchema ?? { type: 'object' };
    const requiredScopes = list(scopes);
    const built: IrTool =
      tool.outputSchema && toolsHaveOutputSchema
        ? { name, identifier, typeName, pointer, wire, inputSchema, outputSchema: tool.outputSchema, requiredScopes }
        : { name, identifier, typeName, pointer, wire, inputSchema, requiredScopes };
    previousTools.set(tool, { spec, tool: built, dropped: dropped.slice(droppedBefore) });
    return built;
  });

  const resources: IrResource[] = m.resources.map((r, i) => {
    const base = named(r, 'Resource', `/resources/${i}`, `resource${i + 1}`);
    // Clients send (and the SDK looks up) the normalized form; lint reports the change.
    const uri = typeof r.uri === 'string' ? (normalizeResourceUri(r.uri) ?? r.uri) : r.uri;
    return { ...base, uri, wire: uri === r.uri || !('uri' in base.wire) ? base.wire : { ...base.wire, uri } };
  });

  const resourceTemplates: IrResourceTemplate[] = m.resourceTemplates.map((t, i) => {
    const variableScope = new NameScope();
    return {
      ...named(t, 'ResourceTemplate', `/resourceTemplates/${i}`, `template${i + 1}`),
      uriTemplate: t.uriTemplate,
      variables: uriTemplateVariableShapes(String(t.uriTemplate ?? '')).map((shape, v) => ({
        ...shape,
        identifier: naming ? variableScope.claim(shape.name, 'camel', `var${v + 1}`) : '',
      })),
    };
  });

  const prompts: IrPrompt[] = m.prompts.map((p, i) => {
    const argScope = new NameScope();
    return {
      ...named(p, 'Prompt', `/prompts/${i}`, `prompt${i + 1}`),
      arguments: list(p.arguments).filter((a) => a && typeof a === 'object').map((a, j) => ({
        name: a.name,
        identifier: naming ? argScope.claim(a.name, 'camel', `arg${j + 1}`) : '',
        required: a.required === true,
        ...(a.description !== undefined ? { description: a.description } : {}),
      })),
    };
  });

  const serverSource: JsonObject = m.server ?? { name: 'mcp-server', version: '0.1.0' };
  const server = adaptToRevision(serverSource, 'Implementation', spec, '/server', dropped) as IR['server'];

  const statelessHttp = 'DiscoverRequest' in spec.definitions && !('InitializeRequest' in spec.definitions);
  const compatible = list(m.compatibleRevisions).filter((r) => typeof r === 'string' && r !== spec.revision.id);
  const olderRevisions: Record<string, RevisionShape> = {};
  if (!statelessHttp) {
    for (const r of compatible) {
      const other = options.otherSpec?.(r);
      if (other) olderRevisions[r] = revisionShape(other);
    }
  }
  return {
    revision: spec.revision,
    features: {
      statelessHttp,
      structuredContent: definitionFields(spec, 'CallToolResult')?.has('structuredContent') ?? false,
      batches: 'JSONRPCBatchRequest' in spec.definitions,
    },
    specSha256: spec.sha256,
    server,
    ...(m.instructions !== undefined ? { instructions: m.instructions } : {}),
    ...(m.capabilities && typeof m.capabilities === 'object' && !Array.isArray(m.capabilities)
      ? { capabilities: adaptToRevision(m.capabilities, 'ServerCapabilities', spec, '/capabilities', dropped) }
      : {}),
    ...(statelessHttp ? {} : { protocolVersions: [spec.revision.id, ...new Set(compatible)] }),
    ...(Object.keys(olderRevisions).length ? { olderRevisions } : {}),
    tools,
    resources,
    resourceTemplates,
    prompts,
    ...(m.auth
      ? {
          auth: {
            resource: m.auth.resource,
            authorizationServers: list(m.auth.authorizationServers),
            scopes: list(m.auth.scopes),
            requiredScopes: list(m.auth.requiredScopes),
            resourceScopes: scopeTable(m.auth.resourceScopes),
            promptScopes: scopeTable(m.auth.promptScopes),
          },
        }
      : {}),
    ...(m.publish ? { publish: m.publish } : {}),
    dropped,
  };
}

/**
 * The IR entry made for each manifest tool object, while the process keeps
 * memos from run to run (`generate --watch`): an unchanged tool comes back
 * as the same object (pipeline/reuse-unchanged.ts), and gets the same entry
 * (same wire object, so the same JSON for the emitters' memos) when its
 * place, names, scopes and spec are the same too.
 */
const previousTools = new ObjectMemo<object, { spec: LoadedSpec; tool: IrTool; dropped: DroppedField[] }>();

/** Whether `list(value)` would give exactly `strings`. */
function sameStrings(strings: readonly string[], value: unknown): boolean {
  if (!Array.isArray(value)) return strings.length === 0;
  if (value.length !== strings.length) return false;
  for (let i = 0; i < value.length; i++) if (value[i] !== strings[i]) return false;
  return true;
}

/** The tool without mcpgen's own keys (`renamedFrom`), which never go on the wire. */
function wireTool(tool: ManifestTool): ManifestTool {
  if (!TOOL_MCPGEN_KEYS.some((k) => k in tool)) return tool;
  return Object.fromEntries(Object.entries(tool).filter(([k]) => !TOOL_MCPGEN_KEYS.includes(k))) as ManifestTool;
}

/** A copy of an array from the manifest; anything else (lint reports it) counts as empty. */
function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? [...value] : [];
}

/** A name → scopes table from the manifest, keeping only well-typed entries (lint reports the rest). */
function scopeTable(value: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, scopes] of Object.entries(value)) {
    if (Array.isArray(scopes)) Object.defineProperty(out, key, { value: scopes.filter((s) => typeof s === 'string'), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
