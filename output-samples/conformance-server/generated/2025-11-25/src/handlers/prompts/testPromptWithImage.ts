import { TEST_IMAGE_BASE64 } from '../media.js';
import type { TestPromptWithImageHandler } from '../../generated/types.js';

/** An image, then a question about it. */
export const handler: TestPromptWithImageHandler = async () => ({
  messages: [
    { role: 'user', content: { type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' } },
    { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
  ],
});
