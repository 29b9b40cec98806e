import type { TestErrorHandlingHandler } from '../../generated/types.js';

/** Always fails: the SDK answers a thrown error as a tool error (isError). */
export const handler: TestErrorHandlingHandler = async () => {
  throw new Error('This tool intentionally returns an error for testing');
};
