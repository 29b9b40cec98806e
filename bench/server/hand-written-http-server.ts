/**
 * The baseline for the HTTP load bench: what a developer writes by hand on
 * the SDK for the same tools, with the same protections as a generated
 * server: Host and Origin validation, bearer tokens through
 * `verifyBearerToken`, a scope on one tool (`requireScopes`), one transport
 * per session, input and output validated by the SDK's default validator.
 * Usage: node hand-written-http-server.js COUNT (prints its URL on stderr).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { hostHeaderValidation, NodeStreamableHTTPServerTransport, originValidation } from '@modelcontextprotocol/node';
import {
  fromJsonSchema,
  isInitializeRequest,
  localhostAllowedHostnames,
  McpServer,
  OAuthError,
  OAuthErrorCode,
  requireScopes,
  verifyBearerToken,
  type AuthInfo,
} from '@modelcontextprotocol/server';
import { BENCH_TOKEN, benchTools } from './bench-manifest.js';

const tools = benchTools(Number(process.argv[2] ?? 100));

function create(): McpServer {
  const server = new McpServer({ name: 'hand-written', version: '1.0.0' });
  for (const [i, tool] of tools.entries()) {
    server.registerTool(
      tool.name,
      {
        description: tool.description,
        inputSchema: fromJsonSchema(tool.inputSchema as never),
        ...(tool.outputSchema ? { outputSchema: fromJsonSchema(tool.outputSchema as never) } : {}),
        ...(i === 0 ? { scopeChallenge: requireScopes('records:read') } : {}),
      },
      async (input: unknown) => {
        const structured = { total: 1, items: [{ id: JSON.stringify(input).length.toString(), score: 1 }] };
        return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
      },
    );
  }
  return server;
}

const validateHost = hostHeaderValidation(localhostAllowedHostnames());
const validateOrigin = originValidation(localhostAllowedHostnames());
const sessions = new Map<string, NodeStreamableHTTPServerTransport>();
const verifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    if (token !== BENCH_TOKEN) throw new OAuthError(OAuthErrorCode.InvalidToken, 'bad token');
    return { token, clientId: 'bench', scopes: ['mcp', 'records:read'], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
  },
};

const http = createServer((req, res) => {
  void (async () => {
    if (!validateHost(req, res) || !validateOrigin(req, res)) return;
    let auth: AuthInfo;
    try {
      auth = await verifyBearerToken(req.headers.authorization, { verifier, requiredScopes: ['mcp'] });
    } catch {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    (req as typeof req & { auth?: AuthInfo }).auth = auth;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
    const id = req.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? sessions.get(id) : undefined;
    if (existing) return existing.handleRequest(req, res, body);
    if (!isInitializeRequest(body)) return void res.writeHead(404).end();
    const transport: NodeStreamableHTTPServerTransport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
    });
    await create().connect(transport);
    await transport.handleRequest(req, res, body);
  })().catch(() => {
    if (!res.headersSent) res.writeHead(500).end();
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  console.error(`MCP server listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mcp`);
});
