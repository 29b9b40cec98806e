import type { WatchedResourceHandler } from '../../generated/types.js';

/** Fixed text; clients may subscribe to it (see src/setup.ts). */
export const handler: WatchedResourceHandler = async (uri) => ({
  contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Watched resource content' }],
});
