import { ToolError } from '../../generated/errors.js';
import type { StationsHandler } from '../../generated/types.js';

/**
 * Resource "stations".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: StationsHandler = async (_uri, _ctx) => {
  throw new ToolError(
    'Resource "stations" is not implemented yet (edit src/handlers/resources/stations.ts).',
  );
};
