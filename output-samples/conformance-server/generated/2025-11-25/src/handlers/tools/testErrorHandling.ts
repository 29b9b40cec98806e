import { ToolError } from '../../generated/errors.js';
import type { TestErrorHandlingHandler } from '../../generated/types.js';

/**
 * Always fails with a message meant for the client: a ToolError becomes a
 * tool error result (isError) carrying its text. Any other thrown error would
 * reach the client only as "Internal error (reference …)", its details logged.
 */
export const handler: TestErrorHandlingHandler = async () => {
  throw new ToolError('This tool intentionally returns an error for testing');
};
