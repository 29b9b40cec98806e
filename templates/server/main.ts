/**
 * Command line of the generated server: `--stdio` (the default) serves
 * stdio; `--port N` serves Streamable HTTP on `--host` (127.0.0.1 unless
 * given) at `/mcp`. Allowed Host/Origin names default to localhost ones and
 * can be widened with MCP_ALLOWED_HOSTS / MCP_ALLOWED_ORIGINS (comma lists).
 */
import { parseArgs } from 'node:util';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createMcpServer } from './create-server.js';
import { handlers, setup, verifyToken } from './handlers.js';
import { serveHttp } from './http.js';
import { AUTH, FEATURES } from './metadata.js';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

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
  const create = () => {
    const server = createMcpServer(handlers);
    setup(server);
    return server;
  };
  if (values.port === undefined || values.stdio) {
    // stdout carries the protocol: log to stderr only. A stateless revision
    // lets the SDK pick the era per connection (server/discover or initialize).
    if (FEATURES.statelessHttp) serveStdio(create);
    else await create().connect(new StdioServerTransport());
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const host = values.host ?? '127.0.0.1';
  const server = await serveHttp({
    port,
    host,
    createServer: create,
    statelessHttp: FEATURES.statelessHttp,
    allowedHosts: [...LOCAL_NAMES, ...listFromEnv('MCP_ALLOWED_HOSTS')],
    allowedOrigins: [...LOCAL_NAMES, ...listFromEnv('MCP_ALLOWED_ORIGINS')],
    ...(AUTH && verifyToken ? { auth: { ...AUTH, verifyToken } } : {}),
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.error(`MCP server listening on http://${host}:${actualPort}/mcp`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
