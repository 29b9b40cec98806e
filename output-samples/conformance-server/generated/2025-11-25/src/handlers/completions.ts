import type { CompleteHandler } from '../generated/types.js';

/**
 * Completion of prompt arguments and template variables (capabilities.completions).
 *
 * Your code: mcpgen created this file once and never overwrites it.
 */
export const complete: CompleteHandler = async (_request, _ctx) => ({ values: [] });
