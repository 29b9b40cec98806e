import type { TestElicitationHandler } from '../../generated/types.js';

/** Asks the user for one string. */
export const handler: TestElicitationHandler = async (input, ctx) => {
  try {
    const result = await ctx.mcpReq.elicitInput({
      mode: 'form',
      message: input.message,
      requestedSchema: {
        type: 'object',
        properties: { response: { type: 'string', description: "User's response" } },
        required: ['response'],
      },
    });
    return {
      content: [{ type: 'text', text: `User response: action=${result.action}, content=${JSON.stringify(result.content ?? {})}` }],
    };
  } catch (err) {
    return { content: [{ type: 'text', text: `Elicitation not supported or error: ${(err as Error).message}` }] };
  }
};
