/**
 * Errors that do not leak. A handler's thrown error is logged on the server
 * (stderr, with its stack and a short reference id) and the client gets a
 * generic error carrying that id. Only `ToolError` (and the SDK's own
 * `ProtocolError`, such as `ResourceNotFoundError`) carry their message to
 * the client: throw it for what the caller should read.
 */
import { randomBytes } from 'node:crypto';
import {
  ProtocolError,
  ProtocolErrorCode,
  type McpServer,
  type Transport,
} from '@modelcontextprotocol/server';

/**
 * An error whose message is meant for the client. From a tool handler it
 * becomes a tool error result (`isError: true`) with this text; from a
 * resource or prompt handler, a JSON-RPC error (`code`, default Invalid params).
 */
export class ToolError extends Error {
  readonly code: number;
  constructor(message: string, options?: { code?: number; cause?: unknown }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ToolError';
    this.code = options?.code ?? ProtocolErrorCode.InvalidParams;
  }
}

/** Logs an unexpected error with a short id; returns the text the client may see. */
export function reportInternalError(where: string, err: unknown): string {
  const id = randomBytes(4).toString('hex');
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  console.error(`[mcp] error ${id} in ${where}: ${detail}`);
  return `Internal error (reference ${id}). The server log has the details.`;
}

type AnyFn = (...args: never[]) => unknown;

function guardTool(name: string, fn: AnyFn): AnyFn {
  return (async (...args: never[]) => {
    try {
      return await fn(...args);
    } catch (err) {
      const text =
        err instanceof ToolError
          ? err.message
          : reportInternalError(`tool ${JSON.stringify(name)}`, err);
      return { isError: true, content: [{ type: 'text', text }] };
    }
  }) as AnyFn;
}

function guardRead(where: string, fn: AnyFn): AnyFn {
  return (async (...args: never[]) => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof ProtocolError) throw err;
      if (err instanceof ToolError) throw new ProtocolError(err.code, err.message);
      throw new ProtocolError(ProtocolErrorCode.InternalError, reportInternalError(where, err));
    }
  }) as AnyFn;
}

function guardGroup(
  group: Record<string, AnyFn> | undefined,
  guard: (key: string, fn: AnyFn) => AnyFn,
): Record<string, AnyFn> {
  const out: Record<string, AnyFn> = Object.create(null) as Record<string, AnyFn>;
  for (const [key, fn] of Object.entries(group ?? {})) out[key] = guard(key, fn);
  return out;
}

/** The handlers with every call guarded; same shape and types as given. */
export function guardHandlers<
  H extends { tools: object; resources: object; resourceTemplates: object; prompts: object },
>(handlers: H): H {
  const h = handlers as unknown as Record<
    'tools' | 'resources' | 'resourceTemplates' | 'prompts',
    Record<string, AnyFn>
  >;
  return {
    ...handlers,
    tools: guardGroup(h.tools, (key, fn) => guardTool(key, fn)),
    resources: guardGroup(h.resources, (key, fn) => guardRead(`resource ${key}`, fn)),
    resourceTemplates: guardGroup(h.resourceTemplates, (key, fn) =>
      guardRead(`resource template ${key}`, fn),
    ),
    prompts: guardGroup(h.prompts, (key, fn) => guardRead(`prompt ${key}`, fn)),
  };
}

/** A validator's issue list (the SDK's request schemas report them as JSON in the message). */
interface Issue {
  path?: unknown;
  message?: unknown;
}

/**
 * The message of an outgoing error with any dumped validator issues replaced
 * by one line per issue (`params.arguments: Invalid input: expected record`).
 */
export function cleanErrorMessage(message: string): string {
  // The dump is the whole message, or follows "Invalid tools/call request: ".
  const inline = message.search(/: \[\s*\{/);
  const whole = /^\[\s*\{/.test(message);
  if (!whole && inline < 0) return message;
  const at = whole ? 0 : inline + 2;
  const prefix = whole ? 'Invalid params' : message.slice(0, inline);
  let issues: Issue[];
  try {
    issues = JSON.parse(message.slice(at)) as Issue[];
  } catch {
    return prefix;
  }
  if (!Array.isArray(issues)) return prefix;
  const lines = issues.map((i) => {
    const path = Array.isArray(i.path) && i.path.length ? i.path.map(String).join('.') : '(root)';
    return `${path}: ${typeof i.message === 'string' ? i.message : 'invalid'}`;
  });
  return `${prefix}: ${lines.join('; ')}`;
}

/**
 * Every error response the server sends goes through `cleanErrorMessage`, so
 * clients never see raw validator internals (the SDK echoes its request
 * schema's issue list). Hooked at connect, so it covers every transport.
 */
export function hardenErrors(server: McpServer): McpServer {
  const connect = server.connect.bind(server);
  server.connect = (transport: Transport) => {
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
      const error =
        'error' in message ? (message.error as { message?: unknown; data?: unknown }) : undefined;
      if (error && typeof error.message === 'string') {
        const cleaned = cleanErrorMessage(error.message);
        if (cleaned !== error.message) {
          // A dumped issue list means the request's params were invalid, whatever code the SDK chose.
          const { data: _data, ...rest } = error;
          return send(
            { ...message, error: { ...rest, code: -32602, message: cleaned } } as typeof message,
            options,
          );
        }
      }
      return send(message, options);
    };
    return connect(transport);
  };
  return server;
}
