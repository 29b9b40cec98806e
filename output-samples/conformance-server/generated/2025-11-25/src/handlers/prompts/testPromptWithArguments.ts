import type { TestPromptWithArgumentsHandler } from '../../generated/types.js';

/** Echoes both arguments. */
export const handler: TestPromptWithArgumentsHandler = async ({ arg1, arg2 }) => ({
  messages: [{ role: 'user', content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }],
});
