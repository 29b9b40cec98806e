/**
 * The baseline for the server bench: what a developer writes by hand on the
 * SDK for the same tools (JSON Schemas through `fromJsonSchema`, the SDK's
 * default validator), served over stdio. The SDK validates every call's input
 * and, for tools with an outputSchema, its structuredContent, as the generated
 * server does in the bench. Usage: node hand-written-server.js COUNT
 */
import { fromJsonSchema, McpServer } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { benchTools } from './bench-manifest.js';

const server = new McpServer({ name: 'hand-written', version: '1.0.0' });
for (const tool of benchTools(Number(process.argv[2] ?? 100))) {
  server.registerTool(
    tool.name,
    {
      description: tool.description,
      inputSchema: fromJsonSchema(tool.inputSchema as never),
      ...(tool.outputSchema ? { outputSchema: fromJsonSchema(tool.outputSchema as never) } : {}),
    },
    async (input: unknown) => {
      const structured = { total: 1, items: [{ id: JSON.stringify(input).length.toString(), score: 1 }] };
      return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
    },
  );
}
await server.connect(new StdioServerTransport());
