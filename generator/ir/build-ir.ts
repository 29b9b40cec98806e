/**
 * Builds the IR from a loaded manifest, a loaded spec and the mcpgen version.
 * Pure: it reads its inputs and never mutates them.
 */
import { createHash } from 'node:crypto';
import type { LoadedManifest } from '../load/load-manifest.js';
import type { JsonObject } from '../load/manifest-types.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { adaptToRevision, definitionFields } from './revision-adapter.js';
import { NameScope } from './naming.js';
import { uriTemplateVariables } from './uri-template.js';
import type { DroppedField, IR, IrPrompt, IrResource, IrResourceTemplate, IrTool } from './model.js';

export interface BuildIrOptions {
  /** Recorded in inputHash, so a new mcpgen version marks output stale. */
  generatorVersion: string;
}

export function buildIr(loaded: LoadedManifest, spec: LoadedSpec, options: BuildIrOptions): IR {
  const m = loaded.manifest;
  const dropped: DroppedField[] = [];
  // One scope for value identifiers and one for type names across all kinds,
  // because they share the generated module namespace and file folders.
  const values = new NameScope();
  const types = new NameScope();

  const tools: IrTool[] = m.tools.map((tool, i) => {
    const pointer = `/tools/${i}`;
    return {
      name: tool.name,
      identifier: values.claim(tool.name, 'camel', `tool${i + 1}`),
      typeName: types.claim(tool.name, 'pascal', `Tool${i + 1}`),
      pointer,
      wire: adaptToRevision(tool, 'Tool', spec, pointer, dropped),
      inputSchema: structuredClone(tool.inputSchema ?? { type: 'object' }),
      ...(tool.outputSchema && definitionFields(spec, 'Tool')?.has('outputSchema')
        ? { outputSchema: structuredClone(tool.outputSchema) }
        : {}),
      requiredScopes: [...(m.auth?.toolScopes?.[tool.name] ?? [])],
    };
  });

  const resources: IrResource[] = m.resources.map((r, i) => {
    const pointer = `/resources/${i}`;
    return {
      name: r.name,
      uri: r.uri,
      identifier: values.claim(r.name, 'camel', `resource${i + 1}`),
      typeName: types.claim(r.name, 'pascal', `Resource${i + 1}`),
      pointer,
      wire: adaptToRevision(r, 'Resource', spec, pointer, dropped),
    };
  });

  const resourceTemplates: IrResourceTemplate[] = m.resourceTemplates.map((t, i) => {
    const pointer = `/resourceTemplates/${i}`;
    const variableScope = new NameScope();
    return {
      name: t.name,
      uriTemplate: t.uriTemplate,
      identifier: values.claim(t.name, 'camel', `template${i + 1}`),
      typeName: types.claim(t.name, 'pascal', `Template${i + 1}`),
      pointer,
      wire: adaptToRevision(t, 'ResourceTemplate', spec, pointer, dropped),
      variables: uriTemplateVariables(String(t.uriTemplate ?? '')).map((name, v) => ({
        name,
        identifier: variableScope.claim(name, 'camel', `var${v + 1}`),
      })),
    };
  });

  const prompts: IrPrompt[] = m.prompts.map((p, i) => {
    const pointer = `/prompts/${i}`;
    const argScope = new NameScope();
    return {
      name: p.name,
      identifier: values.claim(p.name, 'camel', `prompt${i + 1}`),
      typeName: types.claim(p.name, 'pascal', `Prompt${i + 1}`),
      pointer,
      wire: adaptToRevision(p, 'Prompt', spec, pointer, dropped),
      arguments: (p.arguments ?? []).map((a, j) => ({
        name: a.name,
        identifier: argScope.claim(a.name, 'camel', `arg${j + 1}`),
        required: a.required === true,
        ...(a.description !== undefined ? { description: a.description } : {}),
      })),
    };
  });

  const serverSource: JsonObject = m.server ?? { name: 'mcp-server', version: '0.1.0' };
  const server = adaptToRevision(serverSource, 'Implementation', spec, '/server', dropped) as IR['server'];

  const ir: Omit<IR, 'inputHash'> = {
    revision: spec.revision,
    features: {
      statelessHttp: 'DiscoverRequest' in spec.definitions && !('InitializeRequest' in spec.definitions),
    },
    specSha256: spec.sha256,
    server,
    ...(m.instructions !== undefined ? { instructions: m.instructions } : {}),
    tools,
    resources,
    resourceTemplates,
    prompts,
    ...(m.auth
      ? {
          auth: {
            resource: m.auth.resource,
            authorizationServers: [...(m.auth.authorizationServers ?? [])],
            scopes: [...(m.auth.scopes ?? [])],
          },
        }
      : {}),
    dropped,
  };
  const inputHash = createHash('sha256')
    .update(JSON.stringify({ generator: options.generatorVersion, spec: spec.sha256, revision: spec.revision.id, manifest: m }))
    .digest('hex');
  return { ...ir, inputHash };
}
