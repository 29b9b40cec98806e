import type { SubscribeAlertsHandler } from '../../generated/types.js';

/**
 * Tool "subscribe_alerts".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: SubscribeAlertsHandler = async (_input, _ctx) => ({
  isError: true,
  content: [
    {
      type: 'text',
      text: 'Tool "subscribe_alerts" is not implemented yet (edit src/handlers/tools/subscribeAlerts.ts).',
    },
  ],
});
