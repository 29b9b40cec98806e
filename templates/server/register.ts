/**
 * Registration of the manifest's tools, resources, templates and prompts on
 * an `McpServer`, through its public API only: the SDK owns `tools/list`,
 * `resources/list`, `resources/templates/list` and `prompts/list`, so what
 * `setup()` registers appears beside them and works the same way. Each helper
 * is generic over the handler's own types, so `create-server.ts` needs no
 * casts: a handler of the wrong shape is a compile error there.
 */
import {
  ResourceTemplate,
  type CallToolResult,
  type GetPromptResult,
  type McpServer,
  type ReadResourceResult,
  type ServerContext,
  type Variables,
} from '@modelcontextprotocol/server';
import type { WireObject } from './metadata.js';
import {
  inputSchema,
  outputSchema,
  promptArgumentsSchema,
  toCallToolResult,
  type CompiledValidator,
  type ContentToolResult,
  type MaybePromise,
  type StructuredToolResult,
  type ToolErrorResult,
} from './runtime.js';
import { publishExecution, promptConfig, resourceConfig, toolConfig } from './sdk-compat.js';
import { Rfc6570Template } from './uri-template.js';

type AnyToolResult = StructuredToolResult<unknown> | ToolErrorResult | ContentToolResult;

export interface ToolOptions {
  input: CompiledValidator;
  output: CompiledValidator | undefined;
  /** The target revision's CallToolResult has `structuredContent`. */
  structuredContent: boolean;
}

export function registerTool<I>(
  server: McpServer,
  wire: WireObject & { name: string },
  options: ToolOptions,
  handler: (input: I, ctx: ServerContext) => MaybePromise<AnyToolResult>,
): void {
  const schema =
    typeof wire.inputSchema === 'object' &&
    wire.inputSchema !== null &&
    !Array.isArray(wire.inputSchema)
      ? wire.inputSchema
      : { type: 'object' };
  const callback = async (args: I, ctx: ServerContext): Promise<CallToolResult> =>
    toCallToolResult(await handler(args, ctx), options.structuredContent);
  const config = toolConfig(wire);
  const input = inputSchema<I>(schema, options.input);
  const outSchema = wire.outputSchema;
  const registered =
    options.output &&
    typeof outSchema === 'object' &&
    outSchema !== null &&
    !Array.isArray(outSchema)
      ? server.registerTool(
          wire.name,
          {
            ...config,
            inputSchema: input,
            outputSchema: outputSchema<unknown>(wire.name, outSchema, options.output),
          },
          callback,
        )
      : server.registerTool(wire.name, { ...config, inputSchema: input }, callback);
  publishExecution(registered, wire);
}

export function registerResource(
  server: McpServer,
  wire: WireObject & { name: string; uri: string },
  handler: (uri: URL, ctx: ServerContext) => MaybePromise<ReadResourceResult>,
): void {
  server.registerResource(wire.name, wire.uri, resourceConfig(wire, 'uri'), (uri, ctx) =>
    handler(uri, ctx),
  );
}

export function registerTemplate<V>(
  server: McpServer,
  wire: WireObject & { name: string; uriTemplate: string },
  variables: (matched: Variables) => V,
  handler: (uri: URL, variables: V, ctx: ServerContext) => MaybePromise<ReadResourceResult>,
): void {
  const template = new ResourceTemplate(new Rfc6570Template(wire.uriTemplate), { list: undefined });
  server.registerResource(
    wire.name,
    template,
    resourceConfig(wire, 'uriTemplate'),
    (uri, matched, ctx) => handler(uri, variables(matched), ctx),
  );
}

export function registerPrompt<A>(
  server: McpServer,
  wire: WireObject & { name: string },
  args: (received: Record<string, string>) => A,
  handler: (args: A, ctx: ServerContext) => MaybePromise<GetPromptResult>,
): void {
  const declared = Array.isArray(wire.arguments) ? wire.arguments : [];
  const specs = declared.flatMap((a) =>
    typeof a === 'object' && a !== null && !Array.isArray(a) && typeof a.name === 'string'
      ? [
          {
            name: a.name,
            required: a.required === true,
            ...(typeof a.description === 'string' ? { description: a.description } : {}),
          },
        ]
      : [],
  );
  // Always given, so the SDK calls the handler with (args, ctx) even without arguments.
  server.registerPrompt(
    wire.name,
    { ...promptConfig(wire), argsSchema: promptArgumentsSchema(specs) },
    (received, ctx) => handler(args(received), ctx),
  );
}

/** A variable the template always binds (the matcher guarantees it). */
export function text(matched: Variables, name: string): string {
  const value = Object.hasOwn(matched, name) ? matched[name] : undefined;
  return typeof value === 'string' ? value : (value ?? []).join(',');
}

/** A variable that may be absent (query and prefixed forms). */
export function optionalText(matched: Variables, name: string): string | undefined {
  const value = Object.hasOwn(matched, name) ? matched[name] : undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

/** An exploded variable: its values, empty when absent. */
export function list(matched: Variables, name: string): string[] {
  const value = Object.hasOwn(matched, name) ? matched[name] : undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A prompt argument the SDK has validated as present. */
export function argument(received: Record<string, string>, name: string): string {
  return Object.hasOwn(received, name) ? (received[name] ?? '') : '';
}

/** An optional prompt argument. */
export function optionalArgument(
  received: Record<string, string>,
  name: string,
): string | undefined {
  return Object.hasOwn(received, name) ? received[name] : undefined;
}

/** What `registerCompletions` knows of the manifest: argument names per prompt, variable names per template. */
export interface CompletionTargets {
  prompts: Record<string, string[]>;
  templates: Record<string, string[]>;
}

/**
 * Answers `completion/complete` with the user's handler, for the manifest's
 * prompt arguments and template variables; anything else completes to
 * nothing. Checking the request against the manifest is what makes it the
 * handler's `CompletionRequest` type.
 */
export function registerCompletions<
  R extends { ref: { type: string }; argument: { name: string; value: string } },
>(
  server: McpServer,
  targets: CompletionTargets,
  handler: (
    request: R,
    ctx: ServerContext,
  ) => MaybePromise<{ values: string[]; total?: number; hasMore?: boolean }>,
): void {
  server.server.setRequestHandler('completion/complete', async (request, ctx) => {
    const { ref, argument } = request.params;
    const target = { ref, argument, context: contextOf(request.params.context) };
    const names =
      ref.type === 'ref/prompt' && 'name' in ref
        ? Object.hasOwn(targets.prompts, ref.name)
          ? targets.prompts[ref.name]
          : undefined
        : 'uri' in ref && Object.hasOwn(targets.templates, ref.uri)
          ? targets.templates[ref.uri]
          : undefined;
    if (!isTarget<R>(target, names)) return { completion: { values: [] } };
    const completion = await handler(target, ctx);
    return { completion: { ...completion, values: completion.values.slice(0, 100) } };
  });
}

function contextOf(context: { arguments?: Record<string, string> | undefined } | undefined): {
  arguments?: Record<string, string> | undefined;
} {
  return context ?? {};
}

/** The request names a prompt argument or template variable of the manifest (checked against its table). */
function isTarget<R>(
  request: { argument: { name: string } },
  names: string[] | undefined,
): request is typeof request & R {
  return names !== undefined && names.includes(request.argument.name);
}

/** Answers `resources/subscribe` and `resources/unsubscribe` with the user's handlers. */
export function registerSubscriptions(
  server: McpServer,
  subscribe: (uri: string, ctx: ServerContext) => MaybePromise<void>,
  unsubscribe: (uri: string, ctx: ServerContext) => MaybePromise<void>,
): void {
  server.server.setRequestHandler('resources/subscribe', async (request, ctx) => {
    await subscribe(request.params.uri, ctx);
    return {};
  });
  server.server.setRequestHandler('resources/unsubscribe', async (request, ctx) => {
    await unsubscribe(request.params.uri, ctx);
    return {};
  });
}
