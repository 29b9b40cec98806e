import { sleep } from '../media.js';
import type { TestToolWithLoggingHandler } from '../../generated/types.js';

/** Three log notifications while it runs. */
export const handler: TestToolWithLoggingHandler = async (_input, ctx) => {
  for (const data of ['Tool execution started', 'Tool processing data', 'Tool execution completed']) {
    await ctx.mcpReq.notify({ method: 'notifications/message', params: { level: 'info', data } });
    await sleep(50);
  }
  return { content: [{ type: 'text', text: 'Tool with logging executed successfully' }] };
};
