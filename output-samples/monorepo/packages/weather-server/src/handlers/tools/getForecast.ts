import type { GetForecastHandler } from '../../generated/types.js';

/**
 * Tool "get_forecast".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: GetForecastHandler = async (_input, _ctx) => ({
  isError: true,
  content: [
    {
      type: 'text',
      text: 'Tool "get_forecast" is not implemented yet (edit src/handlers/tools/getForecast.ts).',
    },
  ],
});
