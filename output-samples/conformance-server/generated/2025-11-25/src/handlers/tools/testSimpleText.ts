import type { TestSimpleTextHandler } from '../../generated/types.js';

/** A single text block. */
export const handler: TestSimpleTextHandler = async () => ({
  content: [{ type: 'text', text: 'This is a simple text response for testing.' }],
});
