/**
 * Your hook into every server instance (yours: created once, never
 * overwritten). Called after the manifest's tools, resources and prompts are
 * registered: declare extra capabilities (logging, completions, resource
 * subscriptions) and register their request handlers here.
 */
import type { McpServer } from '@modelcontextprotocol/server';

export function setup(_server: McpServer): void {
  // Nothing to add yet.
}
