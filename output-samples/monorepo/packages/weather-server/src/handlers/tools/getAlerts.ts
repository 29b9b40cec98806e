import type { GetAlertsHandler } from '../../generated/types.js';

/**
 * Tool "get_alerts".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: GetAlertsHandler = async (_input, _ctx) => ({
  isError: true,
  content: [
    {
      type: 'text',
      text: 'Tool "get_alerts" is not implemented yet (edit src/handlers/tools/getAlerts.ts).',
    },
  ],
});
