/**
 * What an older protocol revision lets a server send, read from that
 * revision's official schema: the fields of each object a server lists or
 * returns, and the content block types a result may carry. A server generated
 * for revision R that also accepts older revisions (`compatibleRevisions`)
 * uses these shapes at run time to answer a session that negotiated an older
 * revision in that revision's terms (no `structuredContent` for 2025-03-26,
 * no `title` or `icons` before they exist).
 */
import type { LoadedSpec } from '../spec/load-spec.js';
import { definitionFields } from './revision-adapter.js';
import { SHAPED_DEFINITIONS, type RevisionShape, type ShapedDefinition } from './model.js';

export function revisionShape(spec: LoadedSpec): RevisionShape {
  const fields = {} as Record<ShapedDefinition, string[]>;
  for (const name of SHAPED_DEFINITIONS) fields[name] = [...(definitionFields(spec, name) ?? [])].sort();
  return { fields, contentTypes: contentTypes(spec) };
}

/** The `type` constants of CallToolResult's content items (through ContentBlock where the revision has it). */
function contentTypes(spec: LoadedSpec): string[] {
  const types = new Set<string>();
  const visit = (schema: unknown, depth: number): void => {
    if (!schema || typeof schema !== 'object' || depth > 4) return;
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === 'string') {
      visit(spec.definitions[s.$ref.split('/').pop() ?? ''], depth + 1);
      return;
    }
    const type = (s.properties as Record<string, { const?: unknown; enum?: unknown[] }> | undefined)?.type;
    if (typeof type?.const === 'string') types.add(type.const);
    else if (Array.isArray(type?.enum) && typeof type.enum[0] === 'string') types.add(type.enum[0]);
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) visit(branch, depth + 1);
    }
  };
  const content = (spec.definitions.CallToolResult?.properties as Record<string, { items?: unknown }> | undefined)?.content;
  visit(content?.items, 0);
  return [...types].sort();
}
