import type { TestPromptWithEmbeddedResourceHandler } from '../../generated/types.js';

/** Embeds the given resource URI. */
export const handler: TestPromptWithEmbeddedResourceHandler = async ({ resourceUri }) => ({
  messages: [
    {
      role: 'user',
      content: { type: 'resource', resource: { uri: resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' } },
    },
    { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
  ],
});
