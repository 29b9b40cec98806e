/**
 * `src/generated/create-server.ts`: an `McpServer` with every tool, resource,
 * template and prompt registered from the wire metadata, validators and the
 * user's handlers. The per-item tables hold only identifiers (never manifest
 * strings); the loops that register them are plain code.
 */
import type { IR } from '../../ir/model.js';

export function registrationModule(ir: IR): string {
  const tools = ir.tools
    .map(
      (t) =>
        `  { id: '${t.identifier}', input: validators.${t.identifier}Input, output: ${t.outputSchema ? `validators.${t.identifier}Output` : 'undefined'} },`,
    )
    .join('\n');
  return `import { McpServer, ResourceTemplate, type CallToolResult, type ServerContext } from '@modelcontextprotocol/server';
import {
  INSTRUCTIONS,
  PROMPT_ARGUMENTS,
  PROMPTS,
  RESOURCE_TEMPLATES,
  RESOURCES,
  SERVER_INFO,
  TEMPLATE_VARIABLES,
  TOOLS,
  type WireObject,
} from './metadata.js';
import {
  inputSchema,
  outputSchema,
  promptArgumentsSchema,
  toCallToolResult,
  variableValue,
  type CompiledValidator,
  type ToolResult,
} from './runtime.js';
import type { Handlers } from './types.js';
import { validators } from './validators/index.js';

type AnyHandler = (...args: never[]) => unknown;
// The wire objects are manifest data (plain JSON); the SDK's config types are
// stricter literal unions. The manifest was linted against the revision's
// schema, so the casts below are sound.
type ResourceConfig = Parameters<McpServer['registerResource']>[2];

const TOOL_TABLE: { id: string; input: CompiledValidator; output: CompiledValidator | undefined }[] = [
${tools}
];

/** The wire object without the fields passed separately. */
function rest(wire: WireObject, ...omit: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(wire).filter(([k]) => !omit.includes(k)));
}

/**
 * McpServer 2.4.0 keeps its registrations in plain objects, so a tool named
 * \`constructor\`, \`toString\` or \`__proto__\` counts as "already registered"
 * (or corrupts the prototype). Prototype-less registries make every name an
 * ordinary key. Touches SDK internals (pinned version); harmless if absent.
 */
function nullPrototypeRegistries(server: McpServer): void {
  const registries = server as unknown as Record<string, unknown>;
  for (const field of ['_registeredTools', '_registeredResources', '_registeredResourceTemplates', '_registeredPrompts']) {
    const current = registries[field];
    if (current && typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype && Object.keys(current).length === 0) {
      registries[field] = Object.create(null);
    }
  }
}

/** A server with everything in the manifest registered on it; one per session or request. */
export function createMcpServer(handlers: Handlers): McpServer {
  const server = new McpServer(SERVER_INFO as ConstructorParameters<typeof McpServer>[0], {
    ...(INSTRUCTIONS !== undefined ? { instructions: INSTRUCTIONS } : {}),
  });

  nullPrototypeRegistries(server);

  for (const { id, input, output } of TOOL_TABLE) {
    const wire = TOOLS[id]!;
    const handler = (handlers.tools as Record<string, AnyHandler>)[id] as (input: unknown, ctx: ServerContext) => Promise<ToolResult<unknown>> | ToolResult<unknown>;
    const config = {
      ...rest(wire, 'name', 'inputSchema', 'outputSchema'),
      inputSchema: inputSchema((wire.inputSchema ?? { type: 'object' }) as Record<string, unknown>, input),
      ...(output && wire.outputSchema ? { outputSchema: outputSchema(wire.name, wire.outputSchema as Record<string, unknown>, output) } : {}),
    } as never;
    const registered = server.registerTool(wire.name, config, (async (args: unknown, ctx: ServerContext): Promise<CallToolResult> =>
      toCallToolResult(await handler(args, ctx))) as never);
    // registerTool takes no \`execution\` (the SDK implements 2026-07-28, which removed it);
    // the registered tool carries it, and tools/list publishes it for revisions that have it.
    if (wire.execution !== undefined) registered.execution = wire.execution as never;
  }

  for (const [id, wire] of Object.entries(RESOURCES)) {
    const handler = (handlers.resources as Record<string, AnyHandler>)[id] as (uri: URL, ctx: ServerContext) => never;
    server.registerResource(wire.name, wire.uri, rest(wire, 'name', 'uri') as ResourceConfig, (uri, ctx) => handler(uri, ctx));
  }

  for (const [id, wire] of Object.entries(RESOURCE_TEMPLATES)) {
    const handler = (handlers.resourceTemplates as Record<string, AnyHandler>)[id] as (uri: URL, vars: Record<string, string | undefined>, ctx: ServerContext) => never;
    const names = TEMPLATE_VARIABLES[id] ?? [];
    server.registerResource(
      wire.name,
      new ResourceTemplate(wire.uriTemplate, { list: undefined }),
      rest(wire, 'name', 'uriTemplate') as ResourceConfig,
      (uri, variables, ctx) =>
        handler(uri, Object.fromEntries(names.map((v) => [v.identifier, variableValue(variables[v.name])])), ctx),
    );
  }

  for (const [id, wire] of Object.entries(PROMPTS)) {
    const handler = (handlers.prompts as Record<string, AnyHandler>)[id] as (args: Record<string, string | undefined>, ctx: ServerContext) => never;
    const names = PROMPT_ARGUMENTS[id] ?? [];
    const args = (wire.arguments ?? []) as { name: string; required?: boolean; description?: string }[];
    const config = {
      ...rest(wire, 'name', 'arguments'),
      // Always given, so the SDK calls the handler with (args, ctx) even without arguments.
      argsSchema: promptArgumentsSchema(args),
    } as never;
    server.registerPrompt(wire.name, config, ((received: Record<string, string> | undefined, ctx: ServerContext) =>
      handler(Object.fromEntries(names.map((a) => [a.identifier, received?.[a.name]])), ctx)) as never);
  }
  if (Object.keys(PROMPTS).length) {
    // The SDK derives prompts/list from the argument schema (adding \`required: false\`);
    // publish the manifest's wire objects exactly instead.
    server.server.setRequestHandler('prompts/list', () => ({ prompts: Object.values(PROMPTS) }) as never);
  }
  return server;
}
`;
}
