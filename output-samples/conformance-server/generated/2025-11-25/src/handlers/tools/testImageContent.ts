import { TEST_IMAGE_BASE64 } from '../media.js';
import type { TestImageContentHandler } from '../../generated/types.js';

/** A single image block. */
export const handler: TestImageContentHandler = async () => ({
  content: [{ type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' }],
});
