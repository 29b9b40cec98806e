/**
 * Streamable HTTP on node:http at `/mcp`, bound to 127.0.0.1 by default.
 * Every request passes, in order: Host validation (the SDK's, against DNS
 * rebinding) and exact Origin validation (403), CORS preflight (answered
 * before auth), the OAuth Protected Resource Metadata routes, bearer-token
 * verification (401, or 403 for the manifest's `requiredScopes`), protocol
 * checks on the body (413, -32700, batches), per-operation scopes (403
 * insufficient_scope), then the SDK transport: one transport per session,
 * owned by the principal that created it, for revisions with sessions; the
 * SDK's per-request handler for stateless revisions.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  hostHeaderValidation,
  NodeStreamableHTTPServerTransport,
  toNodeHandler,
} from '@modelcontextprotocol/node';
import {
  createMcpHandler,
  isInitializeRequest,
  type AuthInfo,
  type McpServer,
} from '@modelcontextprotocol/server';
import { answeredProtoKeys } from './bad-input.js';
import {
  answerPreflight,
  canonicalOrigin,
  isLoopback,
  OriginPolicy,
  ownOrigins,
  setCorsHeaders,
} from './origins.js';
import { createGate, type Gate, type VerifyToken } from './principals.js';
import { missingScopes } from './scopes.js';
import { SessionRegistry } from './sessions.js';

export type { Principal, VerifyToken } from './principals.js';

export interface HttpAuthOptions {
  /** The protected resource (the public URL of `/mcp`) from the manifest. */
  resource: string;
  authorizationServers: string[];
  scopes: string[];
  /** Scopes every request needs. */
  requiredScopes?: string[];
  verifyToken: VerifyToken;
}

export interface HttpOptions {
  port: number;
  host: string;
  createServer: () => McpServer;
  /** Revisions without sessions serve each request on its own (SDK per-request handler). */
  statelessHttp: boolean;
  /** The revision still has JSON-RPC batches (2025-03-26); later ones refuse them. */
  batches?: boolean;
  allowedHosts: string[];
  /** Extra allowed browser origins (`scheme://host[:port]`); the server's own are always allowed. */
  allowedOrigins: string[];
  /** The public URL of `/mcp` behind a proxy (MCP_PUBLIC_URL); the manifest's `auth.resource` otherwise. */
  publicUrl?: string;
  auth?: HttpAuthOptions;
}

export interface HttpServer extends Server {
  /**
   * Graceful stop: refuse new requests, wait for those in flight (at most
   * `graceMs`), then close every session and open stream.
   */
  shutdown(graceMs: number): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
const MCP_PATH = '/mcp';

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

class BodyTooLargeError extends Error {}

type AuthedRequest = IncomingMessage & { auth?: AuthInfo };

export async function serveHttp(options: HttpOptions): Promise<HttpServer> {
  const validateHost = hostHeaderValidation(options.allowedHosts);
  const origins = new OriginPolicy(options.allowedOrigins);
  const gate: Gate | undefined = options.auth
    ? createGate(
        {
          resource: options.publicUrl ?? options.auth.resource,
          authorizationServers: options.auth.authorizationServers,
          scopes: options.auth.scopes,
          requiredScopes: options.auth.requiredScopes ?? [],
          verifyToken: options.auth.verifyToken,
        },
        MCP_PATH,
      )
    : undefined;
  const sessions = options.statelessHttp
    ? undefined
    : new SessionRegistry({
        max: envNumber('MCP_MAX_SESSIONS', 1000),
        // Without auth every client is the same anonymous principal: only the total counts.
        perPrincipal: gate
          ? envNumber('MCP_MAX_SESSIONS_PER_PRINCIPAL', 100)
          : envNumber('MCP_MAX_SESSIONS', 1000),
        idleMs: envNumber('MCP_SESSION_IDLE_MS', 30 * 60 * 1000),
      });
  const dispatch = sessions ? sessionDispatcher(options, sessions) : statelessDispatcher(options);

  // Requests a graceful stop waits for. GET streams are not among them: they
  // never end on their own, and closing the sessions ends them.
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  const server = createServer((req, res) => {
    if (req.method !== 'GET') {
      inFlight++;
      res.once('close', () => {
        inFlight--;
        if (stopping && inFlight === 0) drained?.();
      });
    }
    void (async () => {
      if (stopping) {
        res.setHeader('Connection', 'close');
        return sendJson(res, 503, rpcError(-32000, 'Server is shutting down'));
      }
      if (!validateHost(req, res)) return;
      const origin = origins.check(req);
      if (!origin.ok) return sendJson(res, 403, rpcError(-32000, 'Forbidden: Origin not allowed'));
      if (origin.origin) setCorsHeaders(res, origin.origin);
      if (req.method === 'OPTIONS') {
        if (origin.origin) return answerPreflight(res, origin.origin);
        res.writeHead(204, { Allow: 'GET, POST, DELETE, OPTIONS' });
        return void res.end();
      }
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (gate && gate.metadataPaths.has(path)) {
        // Public discovery data: any origin may read it (as the SDK's metadata router does).
        res.setHeader('Access-Control-Allow-Origin', '*');
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD, OPTIONS');
          return sendJson(res, 405, { error: 'method_not_allowed' });
        }
        return sendJson(res, 200, gate.metadata);
      }
      if (path !== MCP_PATH) return sendJson(res, 404, { error: 'not_found' });

      let authInfo: AuthInfo | undefined;
      let subject = '';
      if (gate) {
        const result = await gate.authenticate(req.headers.authorization);
        if ('status' in result) {
          for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
          return sendJson(res, result.status, result.body);
        }
        authInfo = result.authInfo;
        subject = result.subject;
        (req as AuthedRequest).auth = authInfo;
      }

      let body: unknown;
      if (req.method === 'POST') {
        let text: string;
        try {
          text = await readBody(req);
        } catch (err) {
          if (err instanceof BodyTooLargeError)
            return sendJson(res, 413, { error: 'payload_too_large', limit: MAX_BODY });
          throw err;
        }
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, rpcError(-32700, 'Parse error'));
        }
        if (Array.isArray(body)) {
          // JSON-RPC 2.0: an empty batch is one Invalid Request. Revisions from
          // 2025-06-18 on removed batching altogether.
          if (body.length === 0)
            return sendJson(res, 400, rpcError(-32600, 'Invalid Request: empty batch'));
          if (!options.batches)
            return sendJson(
              res,
              400,
              rpcError(
                -32600,
                'Invalid Request: JSON-RPC batches are not supported by this protocol revision',
              ),
            );
        }
      }

      if (authInfo && body !== undefined) {
        const missing = await missingScopes(Array.isArray(body) ? body : [body], authInfo);
        if (missing) {
          res.setHeader(
            'WWW-Authenticate',
            `Bearer error="insufficient_scope", scope="${missing.join(' ')}", resource_metadata="${gate!.metadataUrl}"`,
          );
          return sendJson(res, 403, {
            error: 'insufficient_scope',
            error_description: `Requires scope: ${missing.join(' ')}`,
          });
        }
      }
      await dispatch(req, res, body, subject);
    })().catch((err: unknown) => {
      console.error('[mcp] HTTP request failed:', err);
      if (!res.headersSent) sendJson(res, 500, rpcError(-32603, 'Internal error'));
      else res.end();
    });
  }) as HttpServer;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  for (const own of ownOrigins(options.host, port)) origins.allow(own);
  const publicOrigin = options.publicUrl
    ? canonicalOrigin(new URL(options.publicUrl).origin)
    : undefined;
  if (publicOrigin) origins.allow(publicOrigin);
  if (!gate && !isLoopback(options.host)) {
    console.error(
      `[mcp] WARNING: listening on ${options.host} without authentication: anyone who can reach this address can call every tool. Bind 127.0.0.1, or add an auth section to the manifest.`,
    );
  }

  server.shutdown = async (graceMs: number) => {
    stopping = true;
    server.close();
    // Idle keep-alive connections would hold close() open; busy ones finish first.
    server.closeIdleConnections();
    const finished = new Promise<void>((resolve) => {
      drained = resolve;
      if (inFlight === 0) resolve();
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([finished, timeout]);
    await sessions?.closeAll();
    server.closeAllConnections();
  };
  return server;
}

type Dispatch = (
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  subject: string,
) => Promise<void>;

/** Stateless revisions: the SDK's per-request handler (it also serves older clients statelessly). */
function statelessDispatcher(options: HttpOptions): Dispatch {
  const handler = toNodeHandler(createMcpHandler(() => options.createServer()));
  return async (req, res, body) => {
    if (answeredProtoKeys(res, body)) return;
    // The SDK (node 2.1.2) types `method?: string`, which IncomingMessage's
    // `string | undefined` only matches without exactOptionalPropertyTypes.
    return handler(req as Parameters<typeof handler>[0], res, body);
  };
}

const NO_SESSION = rpcError(-32001, 'Session not found');

/** Revisions with sessions: one server and transport per session, so server-to-client requests work. */
function sessionDispatcher(options: HttpOptions, sessions: SessionRegistry): Dispatch {
  return async (req, res, body, subject) => {
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      // Another principal's session id finds nothing, exactly like an unknown one.
      const session = sessions.get(sessionId, subject);
      if (!session) return sendJson(res, 404, NO_SESSION);
      if (answeredProtoKeys(res, body)) return;
      const done = sessions.use(session);
      res.once('close', done);
      return session.transport.handleRequest(req, res, body);
    }
    if (req.method === 'POST' && isInitializeRequest(body)) {
      if (!sessions.makeRoom(subject)) {
        return sendJson(res, 503, rpcError(-32000, 'Too many open sessions; try again later'));
      }
      const transport: NodeStreamableHTTPServerTransport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) =>
          sessions.add({ id, owner: subject, transport, lastUsed: Date.now(), busy: 0 }),
        onsessionclosed: (id) => sessions.remove(id),
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.remove(transport.sessionId);
      };
      await options.createServer().connect(transport);
      return transport.handleRequest(req, res, body);
    }
    sendJson(res, 400, rpcError(-32000, 'Bad Request: no valid session ID'));
  };
}

function rpcError(code: number, message: string): unknown {
  return { jsonrpc: '2.0', id: null, error: { code, message } };
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
