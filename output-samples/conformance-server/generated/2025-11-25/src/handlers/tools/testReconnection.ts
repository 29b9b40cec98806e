import { sleep } from '../media.js';
import type { TestReconnectionHandler } from '../../generated/types.js';

/** Answers after a short pause (stream resumption is optional in the suite). */
export const handler: TestReconnectionHandler = async () => {
  await sleep(100);
  return {
    content: [
      {
        type: 'text',
        text: 'Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.',
      },
    ],
  };
};
