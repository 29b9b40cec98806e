import type { TestSamplingHandler } from '../../generated/types.js';

/** Asks the client's LLM and returns its answer. */
export const handler: TestSamplingHandler = async (input, ctx) => {
  try {
    const result = await ctx.mcpReq.requestSampling({
      messages: [{ role: 'user', content: { type: 'text', text: input.prompt } }],
      maxTokens: 100,
    });
    const content = result.content as { type?: string; text?: string } | { type?: string; text?: string }[];
    const first = Array.isArray(content) ? content[0] : content;
    return { content: [{ type: 'text', text: `LLM response: ${first?.text ?? 'No response'}` }] };
  } catch (err) {
    return { content: [{ type: 'text', text: `Sampling not supported or error: ${(err as Error).message}` }] };
  }
};
