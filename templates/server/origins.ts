/**
 * Browser access: which Origins may talk to the server, and the CORS answers
 * they need. An Origin is allowed only when scheme, host and port all equal
 * an allowed origin (by default the server's own). The SDK's
 * `originValidation` compares hostnames only, so any page on any localhost
 * port (a dev server, another app) would pass; browsers treat those as
 * different origins, and so does this check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a Streamable HTTP browser client sends. */
const ALLOW_HEADERS =
  'Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID';
/** Response headers such a client must read. */
const EXPOSE_HEADERS = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';
const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';

/**
 * The canonical `scheme://host[:port]` of an origin string, or undefined when
 * it is not one (`null`, a path, a bare hostname).
 */
export function canonicalOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null')
    return undefined;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    return undefined;
  return url.origin;
}

/** Parses MCP_ALLOWED_ORIGINS entries; a bare hostname is an error (it would allow every port). */
export function parseAllowedOrigins(entries: string[]): string[] {
  return entries.map((entry) => {
    const origin = canonicalOrigin(entry);
    if (!origin) {
      throw new Error(
        `MCP_ALLOWED_ORIGINS: ${JSON.stringify(entry)} is not an origin; write scheme://host[:port], e.g. https://app.example.com or http://localhost:5173`,
      );
    }
    return origin;
  });
}

export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: Iterable<string>) {
    this.allowed = new Set(origins);
  }

  allow(origin: string): void {
    this.allowed.add(origin);
  }

  /** No Origin (not a browser) passes; a present one must match exactly. */
  check(req: IncomingMessage): { ok: true; origin?: string } | { ok: false } {
    const header = req.headers.origin;
    if (header === undefined || header === '') return { ok: true };
    const origin = canonicalOrigin(header);
    return origin !== undefined && this.allowed.has(origin)
      ? { ok: true, origin: header }
      : { ok: false };
  }
}

/** CORS headers on every answer to an allowed browser origin (refusals included, so the client can read them). */
export function setCorsHeaders(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  res.setHeader('Vary', 'Origin');
}

/** The answer to a preflight from an allowed origin; sent before auth (preflights carry no credentials). */
export function answerPreflight(res: ServerResponse, origin: string): void {
  setCorsHeaders(res, origin);
  res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
  res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204);
  res.end();
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

/** The server's own origins for a bind address and port (a wildcard bind is reachable under the loopback names). */
export function ownOrigins(host: string, port: number): string[] {
  const names =
    isLoopback(host) || host === '0.0.0.0' || host === '::'
      ? ['localhost', '127.0.0.1', '[::1]']
      : [];
  if (!isLoopback(host))
    names.push(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return names.map((name) => `http://${name}:${port}`);
}

/** MCP_PUBLIC_URL: the public URL of `/mcp` behind a proxy; an absolute http(s) URL or nothing. */
export function publicUrlFromEnv(value = process.env.MCP_PUBLIC_URL): URL | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hash) {
    throw new Error(
      `MCP_PUBLIC_URL: ${JSON.stringify(value)} is not an absolute http(s) URL without a fragment, e.g. https://mcp.example.com/mcp`,
    );
  }
  return url;
}
