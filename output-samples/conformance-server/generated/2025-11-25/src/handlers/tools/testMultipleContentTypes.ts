import { TEST_IMAGE_BASE64 } from '../media.js';
import type { TestMultipleContentTypesHandler } from '../../generated/types.js';

/** Text, image and an embedded resource. */
export const handler: TestMultipleContentTypesHandler = async () => ({
  content: [
    { type: 'text', text: 'Multiple content types test:' },
    { type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' },
    {
      type: 'resource',
      resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: JSON.stringify({ test: 'data', value: 123 }) },
    },
  ],
});
