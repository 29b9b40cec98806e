import type { TestSimplePromptHandler } from '../../generated/types.js';

/** One user message. */
export const handler: TestSimplePromptHandler = async () => ({
  messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }],
});
