/**
 * Answers a session in the revision it negotiated. The server is generated
 * for one revision and also accepts the older ones the manifest lists in
 * `compatibleRevisions`; the SDK (@modelcontextprotocol/server 2.4.0) builds
 * every result in its newest terms whatever the session negotiated, so a
 * 2025-03-26 client would receive `structuredContent`, `title` or `icons`,
 * which its revision does not have. This module keeps, per result kind, only
 * the fields the negotiated revision defines (the shapes are read by mcpgen
 * from each revision's official schema), and turns structured-only tool
 * results into text for revisions without `structuredContent`.
 *
 * It works at the transport boundary (the SDK's public `Transport`), because
 * the SDK has no public hook to shape results per session.
 */
import type { JSONRPCMessage, McpServer, Transport } from '@modelcontextprotocol/server';

/** What one older revision lets the server send (generated from its schema). */
export interface RevisionShape {
  fields: {
    Implementation: string[];
    ServerCapabilities: string[];
    Tool: string[];
    Resource: string[];
    ResourceTemplate: string[];
    Prompt: string[];
    CallToolResult: string[];
  };
  contentTypes: string[];
}

type Json = Record<string, unknown>;
type RequestId = string | number;

/** Wraps `server.connect` so every transport it connects answers in the negotiated revision. */
export function answerInNegotiatedRevision(
  server: McpServer,
  shapes: Record<string, RevisionShape>,
): McpServer {
  if (Object.keys(shapes).length === 0) return server;
  const connect = server.connect.bind(server);
  server.connect = async (transport: Transport) => {
    const methods = new Map<RequestId, string>();
    let shape: RevisionShape | undefined;
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
      if (!('id' in message) || !('result' in message) || message.id === null)
        return send(message, options);
      const method = methods.get(message.id);
      methods.delete(message.id);
      const result = message.result as Json;
      if (method === 'initialize') shape = shapes[String(result.protocolVersion)];
      if (!shape || method === undefined) return send(message, options);
      return send({ ...message, result: shaped(method, result, shape) } as JSONRPCMessage, options);
    };
    await connect(transport);
    // The SDK installs its handler in connect(); requests are recorded by id
    // on the way in so that each result can be shaped by its method.
    const receive = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if ('method' in message && 'id' in message && message.id !== null)
        methods.set(message.id, message.method);
      receive?.(message, extra);
    };
  };
  return server;
}

function shaped(method: string, result: Json, shape: RevisionShape): Json {
  const { fields } = shape;
  switch (method) {
    case 'initialize':
      return {
        ...result,
        ...(isObject(result.serverInfo)
          ? { serverInfo: pick(result.serverInfo, fields.Implementation) }
          : {}),
        ...(isObject(result.capabilities)
          ? { capabilities: pick(result.capabilities, fields.ServerCapabilities) }
          : {}),
      };
    case 'tools/list':
      return mapList(result, 'tools', fields.Tool);
    case 'resources/list':
      return mapList(result, 'resources', fields.Resource);
    case 'resources/templates/list':
      return mapList(result, 'resourceTemplates', fields.ResourceTemplate);
    case 'prompts/list':
      return mapList(result, 'prompts', fields.Prompt);
    case 'tools/call':
      return toolResult(result, shape);
    default:
      return result;
  }
}

/**
 * A tool result in the older revision's terms: unknown fields dropped,
 * content blocks of types it lacks dropped, and structured content (which a
 * handler with an outputSchema returns) serialised into a text block when
 * the revision has no `structuredContent`, as the spec advises for clients
 * that cannot read it.
 */
function toolResult(result: Json, shape: RevisionShape): Json {
  const out = pick(result, shape.fields.CallToolResult);
  const content = Array.isArray(result.content)
    ? result.content.filter(
        (block) => isObject(block) && shape.contentTypes.includes(String(block.type)),
      )
    : [];
  if (
    content.length === 0 &&
    result.structuredContent !== undefined &&
    !('structuredContent' in out)
  ) {
    content.push({ type: 'text', text: JSON.stringify(result.structuredContent) });
  }
  return { ...out, content };
}

function mapList(result: Json, key: string, keep: string[]): Json {
  const list = result[key];
  if (!Array.isArray(list)) return result;
  return { ...result, [key]: list.map((item) => (isObject(item) ? pick(item, keep) : item)) };
}

function pick(value: Json, keep: string[]): Json {
  const out: Json = {};
  for (const key of Object.keys(value)) if (keep.includes(key)) out[key] = value[key];
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
