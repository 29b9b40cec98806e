import type { TemplateHandler } from '../../generated/types.js';

/** JSON naming the id from the URI. */
export const handler: TemplateHandler = async (uri, { id }) => ({
  contents: [
    { uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) },
  ],
});
