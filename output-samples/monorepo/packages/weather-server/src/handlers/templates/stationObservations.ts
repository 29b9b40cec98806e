import { ToolError } from '../../generated/errors.js';
import type { StationObservationsHandler } from '../../generated/types.js';

/**
 * Resource template "station-observations".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: StationObservationsHandler = async (_uri, _variables, _ctx) => {
  throw new ToolError(
    'Resource template "station-observations" is not implemented yet (edit src/handlers/templates/stationObservations.ts).',
  );
};
