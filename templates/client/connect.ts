/**
 * Transports for the generated client: a server process over stdio (command,
 * arguments, environment) or a Streamable HTTP endpoint (URL, headers, an
 * `authProvider` for bearer tokens or a full OAuth flow).
 */
import {
  StreamableHTTPClientTransport,
  type AuthProvider,
  type FetchLike,
  type OAuthClientProvider,
} from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';

export interface StdioServer {
  command: string;
  args?: string[];
  /** Added to the SDK's safe default environment (PATH, HOME, ...), not replacing it. */
  env?: Record<string, string>;
  cwd?: string;
  /** The server's stderr: inherited by default. */
  stderr?: 'inherit' | 'ignore' | 'pipe';
}

export function stdioTransport(server: StdioServer): StdioClientTransport {
  return new StdioClientTransport({
    command: server.command,
    ...(server.args ? { args: server.args } : {}),
    env: { ...getDefaultEnvironment(), ...server.env },
    ...(server.cwd !== undefined ? { cwd: server.cwd } : {}),
    ...(server.stderr ? { stderr: server.stderr } : {}),
  });
}

export interface HttpServer {
  url: string | URL;
  /** Sent with every request (the transport's own headers win). */
  headers?: Record<string, string>;
  /** `{ token: async () => key }` for a static bearer token, or an `OAuthClientProvider` (see `src/oauth-example.ts`). */
  authProvider?: AuthProvider | OAuthClientProvider;
  fetch?: FetchLike;
  /** What a 403 `insufficient_scope` does: re-authorize with the wider scope (default, needs OAuth) or throw. */
  onInsufficientScope?: 'reauthorize' | 'throw';
}

export function httpTransport(server: HttpServer): StreamableHTTPClientTransport {
  return new StreamableHTTPClientTransport(new URL(server.url), {
    ...(server.headers ? { requestInit: { headers: server.headers } } : {}),
    ...(server.authProvider ? { authProvider: server.authProvider } : {}),
    ...(server.fetch ? { fetch: server.fetch } : {}),
    ...(server.onInsufficientScope ? { onInsufficientScope: server.onInsufficientScope } : {}),
  });
}
