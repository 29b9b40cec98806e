/**
 * Connects to a running MCP server with the official client and captures
 * what a manifest declares: server info, capabilities, instructions, tools,
 * resources, resource templates and prompts (every page). The SDK is loaded
 * lazily: only `mcpgen import` pays for it.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/manifest-types.js';

export type ServerSource = { kind: 'stdio'; command: string; args: string[]; cwd?: string } | { kind: 'http'; url: string; headers: Record<string, string> };

export interface CapturedServer {
  serverInfo: JsonObject & { name: string; version: string };
  capabilities: JsonObject;
  negotiatedRevision: string;
  instructions?: string;
  tools: JsonObject[];
  resources: JsonObject[];
  resourceTemplates: JsonObject[];
  prompts: JsonObject[];
}

/** Pages followed per list before giving up (a server whose cursor never ends). */
const MAX_PAGES = 1000;

export async function captureServer(source: ServerSource, timeoutMs: number): Promise<CapturedServer> {
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client(
    { name: 'mcpgen-import', version: '1.0.0' },
    { versionNegotiation: { mode: 'auto' }, listMaxPages: MAX_PAGES },
  );
  let transport;
  if (source.kind === 'stdio') {
    const { StdioClientTransport, getDefaultEnvironment } = await import('@modelcontextprotocol/client/stdio');
    transport = new StdioClientTransport({
      command: source.command,
      args: source.args,
      env: getDefaultEnvironment(),
      stderr: 'ignore',
      ...(source.cwd ? { cwd: source.cwd } : {}),
    });
  } else {
    transport = new StreamableHTTPClientTransport(new URL(source.url), { requestInit: { headers: source.headers } });
  }
  const where = source.kind === 'stdio' ? `\`${[source.command, ...source.args].join(' ')}\`` : source.url;
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new McpgenError({
      code: 'import/connect-failed',
      severity: 'error',
      message: `Cannot connect to the MCP server at ${where}: ${oneLine(err)}`,
      hint: source.kind === 'stdio' ? 'Check that the command starts an MCP server on stdio.' : 'Check the URL (the MCP endpoint, often /mcp) and any --header the server needs.',
    });
  }
  try {
    const caps = (client.getServerCapabilities() ?? {}) as JsonObject;
    const options = { timeout: timeoutMs };
    const tools = caps.tools ? (await client.listTools(undefined, options)).tools : [];
    const resources = caps.resources ? (await client.listResources(undefined, options)).resources : [];
    const resourceTemplates = caps.resources ? (await client.listResourceTemplates(undefined, options)).resourceTemplates : [];
    const prompts = caps.prompts ? (await client.listPrompts(undefined, options)).prompts : [];
    const instructions = client.getInstructions();
    return {
      serverInfo: (client.getServerVersion() ?? { name: 'unknown', version: '0.0.0' }) as CapturedServer['serverInfo'],
      capabilities: caps,
      negotiatedRevision: client.getNegotiatedProtocolVersion() ?? 'unknown',
      ...(instructions !== undefined ? { instructions } : {}),
      tools: tools as unknown as JsonObject[],
      resources: resources as unknown as JsonObject[],
      resourceTemplates: resourceTemplates as unknown as JsonObject[],
      prompts: (prompts as unknown as JsonObject[]).map(withoutDefaultRequired),
    };
  } catch (err) {
    throw new McpgenError({
      code: 'import/connect-failed',
      severity: 'error',
      message: `The MCP server at ${where} failed while listing its tools, resources or prompts: ${oneLine(err)}`,
      hint: 'Check the server; it connected but a list request failed.',
    });
  } finally {
    await client.close().catch(() => undefined);
  }
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}

/**
 * A prompt as a manifest would declare it: an argument's `required: false`
 * is the default (servers on the SDK list it explicitly), so it is left out.
 */
function withoutDefaultRequired(prompt: JsonObject): JsonObject {
  if (!Array.isArray(prompt.arguments)) return prompt;
  return {
    ...prompt,
    arguments: prompt.arguments.map((arg) => {
      if (!arg || typeof arg !== 'object' || Array.isArray(arg) || arg.required !== false) return arg;
      const { required: _default, ...rest } = arg;
      return rest;
    }),
  };
}
