/**
 * Command line of the generated server: `--stdio` (the default) serves
 * stdio; `--port N` serves Streamable HTTP on `--host` (127.0.0.1 unless
 * given) at `/mcp`. Allowed Host names default to localhost ones, allowed
 * Origins to the server's own; widen them with MCP_ALLOWED_HOSTS (hostnames)
 * and MCP_ALLOWED_ORIGINS (scheme://host[:port]), comma lists. MCP_PUBLIC_URL
 * is the public URL of /mcp behind a proxy (the protected resource).
 */
import { parseArgs } from 'node:util';
import { localhostAllowedHostnames } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createMcpServer } from './create-server.js';
import { handlers, setup, verifyToken } from './handlers.js';
import { guardHandlers, hardenErrors } from './errors.js';
import { serveHttp } from './http.js';
import { AUTH, FEATURES } from './metadata.js';
import { parseAllowedOrigins, publicUrlFromEnv } from './origins.js';
import { onShutdownSignals } from './shutdown.js';
import { hardenedStdioTransport } from './stdio.js';

const LOCAL_NAMES = localhostAllowedHostnames();

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { stdio: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  // Thrown errors are logged with an id; the client sees only the id (or a ToolError's message).
  const guarded = guardHandlers(handlers);
  const create = () => {
    const server = createMcpServer(guarded);
    setup(server);
    return hardenErrors(server);
  };
  if (values.port === undefined || values.stdio) {
    // stdout carries the protocol: log to stderr only. A stateless revision
    // lets the SDK pick the era per connection (server/discover or initialize).
    const transport = hardenedStdioTransport({ batches: FEATURES.batches });
    if (FEATURES.statelessHttp) serveStdio(create, { transport });
    else await create().connect(transport);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const host = values.host ?? '127.0.0.1';
  const publicUrl = publicUrlFromEnv();
  const server = await serveHttp({
    port,
    host,
    createServer: create,
    statelessHttp: FEATURES.statelessHttp,
    batches: FEATURES.batches,
    allowedHosts: [...LOCAL_NAMES, ...listFromEnv('MCP_ALLOWED_HOSTS'), ...(publicUrl ? [publicUrl.hostname] : [])],
    allowedOrigins: parseAllowedOrigins(listFromEnv('MCP_ALLOWED_ORIGINS')),
    ...(publicUrl ? { publicUrl: publicUrl.href } : {}),
    ...(AUTH && verifyToken ? { auth: { ...AUTH, verifyToken } } : {}),
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.error(`MCP server listening on http://${host}:${actualPort}/mcp`);
  onShutdownSignals((graceMs) => server.shutdown(graceMs));
}
