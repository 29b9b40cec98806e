/**
 * The one place where manifest wire objects meet the SDK's config types
 * (@modelcontextprotocol/server 2.4.0), and where the SDK's public API falls
 * short of the spec.
 *
 * - The wire objects are plain JSON linted against the target revision's
 *   schema; the SDK's config types are narrower literal types. The casts
 *   below narrow linted JSON to them, nothing else.
 * - `registerTool` takes no `execution` (SDK 2.4.0 implements 2026-07-28,
 *   which removed it), yet `tools/list` publishes the registered tool's
 *   `execution` field for revisions that have it. `RegisteredTool.execution`
 *   is a public, documented field, so we set it after registering.
 */
import type {
  Implementation,
  McpServer,
  RegisteredTool,
  ServerCapabilities,
  ToolExecution,
} from '@modelcontextprotocol/server';
import type { WireObject } from './metadata.js';

type ToolConfig = Omit<Parameters<McpServer['registerTool']>[1], 'inputSchema' | 'outputSchema'>;
type ResourceConfig = Parameters<McpServer['registerResource']>[2];
type PromptConfig = Omit<Parameters<McpServer['registerPrompt']>[1], 'argsSchema'>;

/** The wire object without the fields passed separately. */
function rest(wire: WireObject, omit: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(wire).filter(([k]) => !omit.includes(k)));
}

export function serverInfo(wire: WireObject & { name: string; version: string }): Implementation {
  return wire as Implementation;
}

export function capabilities(wire: WireObject): ServerCapabilities {
  return wire as ServerCapabilities;
}

export function toolConfig(wire: WireObject): ToolConfig {
  return rest(wire, ['name', 'inputSchema', 'outputSchema', 'execution']) as ToolConfig;
}

export function resourceConfig(wire: WireObject, uriField: 'uri' | 'uriTemplate'): ResourceConfig {
  return rest(wire, ['name', uriField]) as ResourceConfig;
}

export function promptConfig(wire: WireObject): PromptConfig {
  return rest(wire, ['name', 'arguments']) as PromptConfig;
}

/** Publishes the manifest's `execution` (2025-11-25) in `tools/list`; see the module comment. */
export function publishExecution(registered: RegisteredTool, wire: WireObject): void {
  const execution = wire.execution;
  if (typeof execution === 'object' && execution !== null && !Array.isArray(execution))
    registered.execution = execution as ToolExecution;
}
