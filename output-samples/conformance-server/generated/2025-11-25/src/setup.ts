/**
 * Capabilities beyond the manifest that the conformance suite exercises:
 * logging (logging/setLevel), completions (completion/complete) and resource
 * subscriptions (resources/subscribe, resources/unsubscribe).
 */
import type { McpServer } from '@modelcontextprotocol/server';

export function setup(server: McpServer): void {
  const subscriptions = new Set<string>();
  server.server.registerCapabilities({ logging: {}, completions: {}, resources: { subscribe: true, listChanged: true } });
  server.server.setRequestHandler('logging/setLevel', async () => ({}));
  server.server.setRequestHandler('completion/complete', async () => ({ completion: { values: [], total: 0, hasMore: false } }));
  server.server.setRequestHandler('resources/subscribe', async (request) => {
    subscriptions.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler('resources/unsubscribe', async (request) => {
    subscriptions.delete(request.params.uri);
    return {};
  });
}
