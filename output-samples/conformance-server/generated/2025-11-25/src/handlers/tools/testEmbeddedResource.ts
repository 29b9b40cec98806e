import type { TestEmbeddedResourceHandler } from '../../generated/types.js';

/** An embedded text resource. */
export const handler: TestEmbeddedResourceHandler = async () => ({
  content: [
    {
      type: 'resource',
      resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' },
    },
  ],
});
