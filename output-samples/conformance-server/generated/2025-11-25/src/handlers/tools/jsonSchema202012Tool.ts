import type { JsonSchema202012ToolHandler } from '../../generated/types.js';

/** Echoes its (2020-12 validated) input. */
export const handler: JsonSchema202012ToolHandler = async (input) => ({
  content: [{ type: 'text', text: `JSON Schema 2020-12 tool called with: ${JSON.stringify(input)}` }],
});
