import { sleep } from '../media.js';
import type { TestToolWithProgressHandler } from '../../generated/types.js';

/** Progress 0, 50, 100 of 100 on the request's progress token. */
export const handler: TestToolWithProgressHandler = async (_input, ctx) => {
  const progressToken = ctx.mcpReq._meta?.progressToken ?? 0;
  for (const progress of [0, 50, 100]) {
    await ctx.mcpReq.notify({
      method: 'notifications/progress',
      params: { progressToken, progress, total: 100, message: `Completed step ${progress} of 100` },
    });
    await sleep(50);
  }
  return { content: [{ type: 'text', text: String(progressToken) }] };
};
