import type { StaticTextHandler } from '../../generated/types.js';

/** Fixed text. */
export const handler: StaticTextHandler = async (uri) => ({
  contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }],
});
