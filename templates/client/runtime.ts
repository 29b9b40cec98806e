/**
 * What every generated client shares: typed errors, the validator provider
 * that hands the SDK precompiled validators (no schema is compiled at run
 * time), the pinned connect, argument checks and tool calls.
 * Connection helpers are in `connect.ts`, drift checks in `verify.ts`.
 */
import {
  Client,
  type CallToolResult,
  type ClientOptions,
  type Implementation,
  type RequestOptions,
  type Tool,
  type Transport,
} from '@modelcontextprotocol/client';
import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
} from '@modelcontextprotocol/client';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/client/validators/ajv';

/** A precompiled (Ajv standalone) validator. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

interface ValidationError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** What the generated code knows about the manifest it was generated from. */
export interface ClientMetadata {
  /** The MCP revision the client speaks (and insists on). */
  revision: string;
  /** The revision negotiates with `server/discover` (2026-07-28 on), not `initialize`. */
  discover: boolean;
  /** Tool definitions by identifier, exactly as the manifest declares them. */
  tools: Record<string, Tool>;
  validators: Record<string, CompiledValidator>;
}

/** The server answered a tool call with `isError: true`; the full result is kept. */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    readonly tool: string,
    readonly result: CallToolResult,
  ) {
    super(`Tool ${JSON.stringify(tool)} failed: ${toolErrorText(result)}`);
  }
}

/** Arguments did not match the tool's input schema; nothing was sent. */
export class InvalidArgumentsError extends Error {
  override name = 'InvalidArgumentsError';
  constructor(
    readonly tool: string,
    readonly problems: string[],
  ) {
    super(`Invalid arguments for tool ${JSON.stringify(tool)}: ${problems.join('; ')}`);
  }
}

/** The server negotiated a protocol revision other than the manifest's. */
export class RevisionMismatchError extends Error {
  override name = 'RevisionMismatchError';
  constructor(
    readonly expected: string,
    readonly negotiated: string | undefined,
  ) {
    super(
      `The server negotiated MCP revision ${negotiated ?? '(none)'}, but this client was generated for ${expected}. ` +
        'Regenerate the client for the revision the server speaks (mcpgen generate --revision ...).',
    );
  }
}

function toolErrorText(result: CallToolResult): string {
  const text = (result.content ?? [])
    .map((c) => (c.type === 'text' ? c.text : `[${c.type}]`))
    .join(' ')
    .trim();
  return text.length > 500 ? `${text.slice(0, 500)}…` : text || '(no text content)';
}

/** One message per error, naming the field: `state: must match pattern "^[A-Z]{2}$"`. */
export function describeErrors(errors: ValidationError[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = e.params ?? {};
    if (e.keyword === 'required' && typeof params.missingProperty === 'string')
      return `${[...path, params.missingProperty].join('.')}: is required`;
    if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return `${[...path, params.additionalProperty].join('.')}: is not allowed`;
    }
    return `${path.length ? path.join('.') : '(root)'}: ${e.message ?? e.keyword}`;
  });
}

/**
 * The SDK's validator hook. `callTool` receives the manifest's tool definition,
 * so the output schema it asks a validator for is one of ours (the same
 * object): answered from a map, with the precompiled function. Any other
 * schema (an elicitation form, say) goes to `fallback`.
 */
export class PrecompiledValidatorProvider implements jsonSchemaValidator {
  private readonly known = new Map<unknown, JsonSchemaValidator<unknown>>();
  private fallbackProvider: jsonSchemaValidator | undefined;

  constructor(meta: ClientMetadata, fallback?: jsonSchemaValidator) {
    this.fallbackProvider = fallback;
    for (const [identifier, tool] of Object.entries(meta.tools)) {
      const validate = meta.validators[`${identifier}Output`];
      if (tool.outputSchema && validate) this.known.set(tool.outputSchema, adapt(validate));
    }
  }

  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    const known = this.known.get(schema);
    if (known) return known as JsonSchemaValidator<T>;
    this.fallbackProvider ??= new AjvJsonSchemaValidator();
    return this.fallbackProvider.getValidator<T>(schema);
  }
}

function adapt(validate: CompiledValidator): JsonSchemaValidator<unknown> {
  return (input) =>
    validate(input)
      ? { valid: true, data: input, errorMessage: undefined }
      : { valid: false, data: undefined, errorMessage: describeErrors(validate.errors).join('; ') };
}

export interface ClientSettings {
  /** Name and version this client reports to servers (default: mcpgen-client 1.0.0). */
  clientInfo?: Implementation;
  /** Passed to the SDK `Client`; negotiation and the validator hook are set by the generated client. */
  clientOptions?: Omit<
    ClientOptions,
    'versionNegotiation' | 'jsonSchemaValidator' | 'supportedProtocolVersions'
  >;
  /** Check arguments against the input schema before sending (default true). */
  validateArguments?: boolean;
  /** Validator for schemas the manifest does not hold (elicitation forms); default: the SDK's Ajv validator. */
  fallbackValidator?: jsonSchemaValidator;
  /**
   * Other 2025-era revisions to accept when the server picks one (opt-in; by
   * default only the manifest's revision is offered and accepted). The typed
   * surface still describes the manifest's revision.
   */
  alsoAcceptRevisions?: string[];
}

/** An SDK client that offers only the manifest's revision and validates with the precompiled validators. */
export function createSdkClient(meta: ClientMetadata, settings: ClientSettings = {}): Client {
  const options: ClientOptions = {
    ...settings.clientOptions,
    jsonSchemaValidator: new PrecompiledValidatorProvider(meta, settings.fallbackValidator),
    ...(meta.discover
      ? { versionNegotiation: { mode: { pin: meta.revision } } }
      : { supportedProtocolVersions: [meta.revision, ...(settings.alsoAcceptRevisions ?? [])] }),
  };
  return new Client(settings.clientInfo ?? { name: 'mcpgen-client', version: '1.0.0' }, options);
}

/** Throws (and closes the client) when the negotiated revision is not the manifest's. */
export async function assertRevision(
  meta: ClientMetadata,
  sdk: Client,
  settings: ClientSettings = {},
): Promise<void> {
  const negotiated = sdk.getNegotiatedProtocolVersion();
  if (negotiated === meta.revision) return;
  if (
    !meta.discover &&
    negotiated !== undefined &&
    settings.alsoAcceptRevisions?.includes(negotiated)
  )
    return;
  await sdk.close().catch(() => undefined);
  throw new RevisionMismatchError(meta.revision, negotiated);
}

/** Connects a new pinned SDK client over `transport`. */
export async function connectPinned(
  meta: ClientMetadata,
  transport: Transport,
  settings: ClientSettings = {},
  options?: RequestOptions,
): Promise<Client> {
  const sdk = createSdkClient(meta, settings);
  try {
    await sdk.connect(transport, options);
  } catch (err) {
    await sdk.close().catch(() => undefined);
    // The SDK refuses a counter-offered revision it was not given.
    if (
      err instanceof Error &&
      /protocol version/i.test(err.message) &&
      !(err instanceof RevisionMismatchError)
    ) {
      throw Object.assign(new RevisionMismatchError(meta.revision, undefined), { cause: err });
    }
    throw err;
  }
  await assertRevision(meta, sdk, settings);
  return sdk;
}

/** Checks `args` with the tool's precompiled input validator. */
export function checkArguments(meta: ClientMetadata, identifier: string, args: unknown): void {
  const validate = meta.validators[`${identifier}Input`];
  const tool = meta.tools[identifier];
  if (!validate || !tool)
    throw new Error(`mcpgen client: no tool ${JSON.stringify(identifier)} in the metadata`);
  if (!validate(args)) throw new InvalidArgumentsError(tool.name, describeErrors(validate.errors));
}

/** A tool result whose `structuredContent` has the output schema's type. */
export type TypedCallToolResult<T> = CallToolResult & { structuredContent: T };

/**
 * Calls a tool by identifier: arguments checked first (unless turned off), the
 * manifest's definition handed to the SDK (output validated by our validator,
 * `x-mcp-header` values mirrored as headers, no `tools/list` round trip), and
 * `isError` results thrown as {@link ToolError}.
 */
export async function callTool(
  sdk: Client,
  meta: ClientMetadata,
  settings: ClientSettings,
  identifier: string,
  args: object,
  options?: RequestOptions,
): Promise<CallToolResult> {
  if (settings.validateArguments !== false) checkArguments(meta, identifier, args);
  const tool = meta.tools[identifier]!;
  const result = await sdk.callTool(
    { name: tool.name, arguments: args as Record<string, unknown> },
    { ...options, toolDefinition: tool },
  );
  if (result.isError) throw new ToolError(tool.name, result);
  return result;
}
