/**
 * The manifest items a `requirement` entry of the migration table concerns:
 * rules the spec states in prose, which no schema diff can find.
 */
import type { JsonObject } from '../load/manifest-types.js';
import { pointerOf, targetsOf, type Target } from './manifest-targets.js';
import type { RequirementCheck } from './migration-table.js';

export interface RequirementHit {
  pointer: string;
  path: (string | number)[];
  label: string;
  /** What exactly is affected, for the message. */
  detail: string;
}

/** SEP-986 as shipped in 2025-11-25: 1 to 128 of A-Z a-z 0-9 _ - . */
export const TOOL_NAME_RULE = /^[A-Za-z0-9_.-]{1,128}$/;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function xMcpHeaders(tool: Target): RequirementHit[] {
  const schema = tool.value.inputSchema;
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const hits: RequirementHit[] = [];
  for (const [prop, sub] of Object.entries(schema.properties)) {
    if (isObject(sub) && 'x-mcp-header' in sub) {
      const path = [...tool.path, 'inputSchema', 'properties', prop, 'x-mcp-header'];
      hits.push({ path, pointer: pointerOf(path), label: tool.label, detail: `x-mcp-header on argument "${prop}"` });
    }
  }
  return hits;
}

export function runRequirementCheck(check: RequirementCheck, data: JsonObject): RequirementHit[] {
  const tools = targetsOf(data, 'Tool');
  switch (check) {
    case 'tool-name-rules':
      return tools
        .filter((t) => typeof t.value.name === 'string' && !TOOL_NAME_RULE.test(t.value.name))
        .map((t) => ({ path: [...t.path, 'name'], pointer: `${t.pointer}/name`, label: t.label, detail: `name ${JSON.stringify(t.value.name)}` }));
    case 'x-mcp-header':
      return tools.flatMap(xMcpHeaders);
    case 'tool-output-schema':
      return tools
        .filter((t) => t.value.outputSchema !== undefined)
        .map((t) => ({ path: t.path, pointer: t.pointer, label: t.label, detail: 'the structuredContent its handler returns' }));
    case 'auth-section':
      return isObject(data.auth) ? [{ path: ['auth'], pointer: '/auth', label: 'auth', detail: 'the auth section' }] : [];
  }
}
