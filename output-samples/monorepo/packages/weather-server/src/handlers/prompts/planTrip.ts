import { ToolError } from '../../generated/errors.js';
import type { PlanTripHandler } from '../../generated/types.js';

/**
 * Prompt "plan_trip".
 *
 * Your code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.
 */
export const handler: PlanTripHandler = async (_args, _ctx) => {
  throw new ToolError(
    'Prompt "plan_trip" is not implemented yet (edit src/handlers/prompts/planTrip.ts).',
  );
};
