/**
 * Client set-up snippets for a generated server: the `mcpServers` entry a user
 * pastes into common MCP clients (stdio through npx, with env; Streamable
 * HTTP with URL and headers), a project `.mcp.json`, and the `npx` line.
 * Plain data; shown in the docs and written as files by the docs emitter.
 */
import type { IR } from '../../ir/model.js';
import { publishInfo } from '../shared/publish-info.js';

export interface ClientSetup {
  /** The key under `mcpServers`. */
  serverKey: string;
  npx: string;
  stdio: Record<string, unknown>;
  http: Record<string, unknown>;
  httpUrl: string;
  /** Whether `httpUrl` is the local default rather than a published endpoint. */
  httpUrlIsLocal: boolean;
  mcpJson: Record<string, unknown>;
}

/** Where `npm start -- --port 3000` serves a generated server. */
export const LOCAL_HTTP_URL = 'http://127.0.0.1:3000/mcp';

export function clientSetup(ir: IR): ClientSetup {
  const info = publishInfo(ir);
  const serverKey = info.binName || 'mcp-server';
  const args = ['-y', info.packageName, '--stdio'];
  const vars = info.environmentVariables;
  const placeholders = Object.fromEntries(vars.map((v) => [v.name, `<${v.name}>`]));
  // Claude Code expands ${VAR} in .mcp.json, so a checked-in file holds no secret.
  const expanded = Object.fromEntries(vars.map((v) => [v.name, `\${${v.name}}`]));
  const httpUrl = info.httpUrl ?? LOCAL_HTTP_URL;
  const headers = ir.auth ? { Authorization: 'Bearer <access token>' } : undefined;
  return {
    serverKey,
    npx: ['npx', ...args].join(' '),
    stdio: { mcpServers: { [serverKey]: { command: 'npx', args, ...(vars.length ? { env: placeholders } : {}) } } },
    http: { mcpServers: { [serverKey]: { type: 'http', url: httpUrl, ...(headers ? { headers } : {}) } } },
    httpUrl,
    httpUrlIsLocal: info.httpUrl === undefined,
    mcpJson: { mcpServers: { [serverKey]: { type: 'stdio', command: 'npx', args, ...(vars.length ? { env: expanded } : {}) } } },
  };
}
