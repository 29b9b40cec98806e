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
import { answerInNegotiatedRevision } from './older-revisions.js';
import { OLDER_REVISIONS } from './server-options.js';
import { hardenedStdioTransport } from './stdio.js';

const LOCAL_NAMES = localhostAllowedHostnames();

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const USAGE = `Usage: server [--stdio] [--port N [--host H]]

  --stdio      serve MCP on stdin/stdout (the default)
  --port N     serve Streamable HTTP on http://H:N/mcp (0 picks a free port)
  --host H     the address to bind (default 127.0.0.1)
  --help, -h   print this help

Environment: MCP_ALLOWED_HOSTS (hostnames) and MCP_ALLOWED_ORIGINS
(scheme://host[:port]), comma lists, widen the Host and Origin values HTTP
accepts beyond the server's own; MCP_PUBLIC_URL is the public URL of /mcp
behind a proxy (the protected resource).`;

/** A usage error: the message and usage on stderr, exit 2. */
class UsageError extends Error {}

function parseCommandLine(argv: string[]): {
  stdio?: boolean;
  port?: string;
  host?: string;
  help?: boolean;
} {
  try {
    return parseArgs({
      args: argv,
      options: {
        stdio: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Runs the server; on a bad command line or a port that cannot be served,
 * prints one line (plus usage for flag errors) and exits 2 or 1, never a
 * stack trace.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    await run(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    const message =
      code === 'EADDRINUSE'
        ? 'the port is already in use'
        : code === 'EACCES'
          ? 'permission denied for that port'
          : err instanceof Error
            ? err.message
            : String(err);
    console.error(`error: ${message}`);
    process.exit(1);
  }
}

async function run(argv: string[]): Promise<void> {
  const values = parseCommandLine(argv);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Thrown errors are logged with an id; the client sees only the id (or a ToolError's message).
  const guarded = guardHandlers(handlers);
  const create = () => {
    const server = createMcpServer(guarded);
    setup(server);
    return answerInNegotiatedRevision(hardenErrors(server), OLDER_REVISIONS);
  };
  if (values.port === undefined || values.stdio) {
    // stdout carries the protocol: log to stderr only. A stateless revision
    // lets the SDK pick the era per connection (server/discover or initialize).
    const transport = hardenedStdioTransport({ batches: FEATURES.batches });
    if (FEATURES.statelessHttp) serveStdio(create, { transport });
    else await create().connect(transport);
    return;
  }
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new Error(`--port: not a port number: ${JSON.stringify(values.port)} (use 0 to 65535)`);
  const host = values.host ?? '127.0.0.1';
  const publicUrl = publicUrlFromEnv();
  const server = await serveHttp({
    port,
    host,
    createServer: create,
    statelessHttp: FEATURES.statelessHttp,
    batches: FEATURES.batches,
    allowedHosts: [
      ...LOCAL_NAMES,
      ...listFromEnv('MCP_ALLOWED_HOSTS'),
      ...(publicUrl ? [publicUrl.hostname] : []),
    ],
    allowedOrigins: parseAllowedOrigins(listFromEnv('MCP_ALLOWED_ORIGINS')),
    ...(publicUrl ? { publicUrl: publicUrl.href } : {}),
    ...(AUTH && verifyToken ? { auth: { ...AUTH, verifyToken } } : {}),
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.error(`MCP server listening on http://${host}:${actualPort}/mcp`);
  onShutdownSignals((graceMs) => server.shutdown(graceMs));
}
