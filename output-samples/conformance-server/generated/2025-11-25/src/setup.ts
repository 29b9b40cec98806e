/**
 * Nothing to add: the manifest declares the capabilities the conformance
 * suite exercises (logging, completions, resource subscriptions) and their
 * handlers live in src/handlers/completions.ts and subscriptions.ts.
 */
import type { McpServer } from '@modelcontextprotocol/server';

export function setup(_server: McpServer): void {
  // Nothing to add.
}
