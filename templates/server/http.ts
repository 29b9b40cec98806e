/**
 * Streamable HTTP on node:http at `/mcp`, bound to 127.0.0.1 by default.
 * Every request passes, in order: Host and Origin validation (403, against
 * DNS rebinding), the OAuth Protected Resource Metadata routes, bearer-token
 * verification (401), per-tool scope checks read from the JSON-RPC body
 * before dispatch (403 insufficient_scope), then the SDK transport: one
 * transport per session for revisions with sessions (idle sessions expire,
 * their number is capped), the SDK's per-request handler for stateless
 * revisions. Bodies over 4 MiB get 413.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  hostHeaderValidation,
  NodeStreamableHTTPServerTransport,
  originValidation,
  toNodeHandler,
} from '@modelcontextprotocol/node';
import { createMcpHandler, isInitializeRequest, type AuthInfo, type McpServer } from '@modelcontextprotocol/server';

/** The user's token check (src/auth.ts): the token's scopes, or undefined to refuse it. */
export type VerifyToken = (token: string) => Promise<{ scopes: string[] } | undefined>;

export interface HttpAuthOptions {
  /** The protected resource (the public URL of `/mcp`). */
  resource: string;
  authorizationServers: string[];
  scopes: string[];
  /** Tool name → scopes a `tools/call` needs. */
  toolScopes: Record<string, string[]>;
  verifyToken: VerifyToken;
}

export interface HttpOptions {
  port: number;
  host: string;
  createServer: () => McpServer;
  /** Revisions without sessions serve each request on its own (SDK per-request handler). */
  statelessHttp: boolean;
  allowedHosts: string[];
  allowedOrigins: string[];
  auth?: HttpAuthOptions;
}

const MAX_BODY = 4 * 1024 * 1024;
const MCP_PATH = '/mcp';
/** A session unused this long is closed (clients that vanish never send DELETE). */
const SESSION_IDLE_MS = Number(process.env.MCP_SESSION_IDLE_MS ?? 30 * 60 * 1000);
/** Beyond this many open sessions, new ones are refused with 503 rather than exhausting memory. */
const MAX_SESSIONS = Number(process.env.MCP_MAX_SESSIONS ?? 1000);

class BodyTooLargeError extends Error {}

export async function serveHttp(options: HttpOptions): Promise<Server> {
  const validateHost = hostHeaderValidation(options.allowedHosts);
  const validateOrigin = originValidation(options.allowedOrigins);
  const dispatch = options.statelessHttp ? statelessDispatcher(options) : sessionDispatcher(options);
  const auth = options.auth;
  const metadataUrl = auth ? protectedResourceMetadataUrl(auth.resource) : undefined;

  const server = createServer((req, res) => {
    void (async () => {
      if (!validateHost(req, res) || !validateOrigin(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (auth && isMetadataPath(path, auth.resource)) {
        return sendJson(res, 200, {
          resource: auth.resource,
          authorization_servers: auth.authorizationServers,
          scopes_supported: auth.scopes,
          bearer_methods_supported: ['header'],
        });
      }
      if (path !== MCP_PATH) return sendJson(res, 404, { error: 'not_found' });

      let authInfo: AuthInfo | undefined;
      if (auth) {
        const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
        const verified = token ? await auth.verifyToken(token) : undefined;
        if (!token || !verified) {
          res.setHeader('WWW-Authenticate', `Bearer resource_metadata="${metadataUrl}"`);
          return sendJson(res, 401, { error: 'invalid_token', error_description: 'A valid bearer token is required.' });
        }
        authInfo = { token, clientId: 'unknown', scopes: verified.scopes };
        (req as IncomingMessage & { auth?: AuthInfo }).auth = authInfo;
      }

      let body: unknown;
      if (req.method === 'POST') {
        let text: string;
        try {
          text = await readBody(req);
        } catch (err) {
          if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'payload_too_large', limit: MAX_BODY });
          throw err;
        }
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
        }
      }

      if (auth && authInfo) {
        const missing = missingScopes(body, auth.toolScopes, authInfo.scopes);
        if (missing) {
          res.setHeader(
            'WWW-Authenticate',
            `Bearer error="insufficient_scope", scope="${missing.join(' ')}", resource_metadata="${metadataUrl}"`,
          );
          return sendJson(res, 403, { error: 'insufficient_scope', error_description: `Requires scope: ${missing.join(' ')}` });
        }
      }
      await dispatch(req, res, body);
    })().catch((err: unknown) => {
      console.error('[mcp] HTTP request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal error' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

type Dispatch = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

/** Stateless revisions: the SDK's per-request handler (it also serves older clients statelessly). */
function statelessDispatcher(options: HttpOptions): Dispatch {
  const handler = toNodeHandler(createMcpHandler(() => options.createServer()));
  // The SDK (node 2.1.2) types `method?: string`, which IncomingMessage's
  // `string | undefined` only matches without exactOptionalPropertyTypes.
  return (req, res, body) => handler(req as Parameters<typeof handler>[0], res, body);
}

/** Revisions with sessions: one server and transport per session, so server-to-client requests work. */
function sessionDispatcher(options: HttpOptions): Dispatch {
  const sessions = new Map<string, { transport: NodeStreamableHTTPServerTransport; lastUsed: number }>();
  // Close sessions idle for too long; unref() so the timer never keeps the process alive.
  setInterval(() => {
    const cutoff = Date.now() - SESSION_IDLE_MS;
    for (const [id, session] of sessions) {
      if (session.lastUsed < cutoff) {
        sessions.delete(id);
        void session.transport.close();
      }
    }
  }, Math.min(SESSION_IDLE_MS, 60_000)).unref();
  return async (req, res, body) => {
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (!session) return sendJson(res, 404, { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } });
      session.lastUsed = Date.now();
      return session.transport.handleRequest(req, res, body);
    }
    if (req.method === 'POST' && isInitializeRequest(body)) {
      if (sessions.size >= MAX_SESSIONS) {
        return sendJson(res, 503, { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Too many open sessions; try again later' } });
      }
      const transport: NodeStreamableHTTPServerTransport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(id, { transport, lastUsed: Date.now() }),
        onsessionclosed: (id) => void sessions.delete(id),
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await options.createServer().connect(transport);
      return transport.handleRequest(req, res, body);
    }
    sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request: no valid session ID' } });
  };
}

/** The scopes a `tools/call` in this body needs and the token lacks, or undefined. */
function missingScopes(body: unknown, toolScopes: Record<string, string[]>, granted: string[]): string[] | undefined {
  const messages = Array.isArray(body) ? body : [body];
  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    const { method, params } = m as { method?: unknown; params?: { name?: unknown } };
    if (method !== 'tools/call' || typeof params?.name !== 'string') continue;
    const needed = Object.hasOwn(toolScopes, params.name) ? toolScopes[params.name]! : [];
    if (needed.some((s) => !granted.includes(s))) return needed;
  }
  return undefined;
}

/** RFC 9728: `/.well-known/oauth-protected-resource` plus the resource's path. */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const suffix = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}/.well-known/oauth-protected-resource${suffix}`;
}

function isMetadataPath(path: string, resource: string): boolean {
  const base = '/.well-known/oauth-protected-resource';
  const suffix = new URL(resource).pathname;
  return path === base || path === `${base}${MCP_PATH}` || (suffix !== '/' && path === `${base}${suffix}`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLargeError());
        req.removeAllListeners('data');
        req.resume(); // drain the rest so the 413 can be sent on this connection
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}
