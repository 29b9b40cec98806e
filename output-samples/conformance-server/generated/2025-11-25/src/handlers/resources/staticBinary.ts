import { TEST_IMAGE_BASE64 } from '../media.js';
import type { StaticBinaryHandler } from '../../generated/types.js';

/** A PNG, base64. */
export const handler: StaticBinaryHandler = async (uri) => ({
  contents: [{ uri: uri.href, mimeType: 'image/png', blob: TEST_IMAGE_BASE64 }],
});
