import type { TestElicitationSep1034DefaultsHandler } from '../../generated/types.js';

/** A form with a default for every primitive type (SEP-1034). */
export const handler: TestElicitationSep1034DefaultsHandler = async (_input, ctx) => {
  try {
    const result = await ctx.mcpReq.elicitInput({
      mode: 'form',
      message: 'Please review and update the form fields with defaults',
      requestedSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'User name', default: 'John Doe' },
          age: { type: 'integer', description: 'User age', default: 30 },
          score: { type: 'number', description: 'User score', default: 95.5 },
          status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
          verified: { type: 'boolean', description: 'Verification status', default: true },
        },
        required: [],
      },
    });
    return {
      content: [{ type: 'text', text: `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}` }],
    };
  } catch (err) {
    return { content: [{ type: 'text', text: `Elicitation not supported or error: ${(err as Error).message}` }] };
  }
};
