/**
 * What publishing needs, resolved once from the manifest's `publish` section
 * with its defaults: the registry name (given, or `io.github.owner/repo` from
 * a GitHub repository URL), the npm identifier, the public HTTP endpoint and
 * the environment variables. Shared by the server emitter (server.json,
 * `mcpName`) and the docs emitter (client set-up snippets).
 */
import type { IR } from '../../ir/model.js';
import type { ManifestEnvironmentVariable } from '../../load/manifest-types.js';

/** The MCP Registry's server.json schema that the generated file follows. */
export const SERVER_JSON_SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** server.json `name`: reverse-DNS namespace, one slash, server name (registry schema 2025-12-11). */
export const REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

export interface PublishInfo {
  /** Undefined when neither given nor derivable: then no server.json and no `mcpName`. */
  registryName?: string;
  packageName: string;
  /** The package's version: the server's, when it is semver. */
  packageVersion: string;
  /** The command `npx` runs: the package name without its scope. */
  binName: string;
  repository?: { url: string; source: string };
  /** The public Streamable HTTP endpoint, when known. */
  httpUrl?: string;
  environmentVariables: ManifestEnvironmentVariable[];
}

/** An npm package name from the server name (lowercase, URL-safe). */
export function packageName(serverName: string): string {
  const name = serverName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '')
    .slice(0, 200);
  return name || 'mcp-server';
}

const GITHUB = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/;

export function publishInfo(ir: IR): PublishInfo {
  const p = ir.publish ?? {};
  const repo = typeof p.repository === 'string' ? p.repository : undefined;
  const github = repo ? GITHUB.exec(repo) : null;
  const derived = github ? `io.github.${github[1]}/${github[2]}` : undefined;
  const name = typeof p.name === 'string' ? p.name : derived;
  const url = typeof p.url === 'string' ? p.url : ir.auth?.resource;
  const pkg = typeof p.package === 'string' && p.package ? p.package : packageName(ir.server.name);
  return {
    ...(name && REGISTRY_NAME_PATTERN.test(name) && name.length <= 200 ? { registryName: name } : {}),
    packageName: pkg,
    packageVersion: /^\d+\.\d+\.\d+/.test(ir.server.version) ? ir.server.version : '0.1.0',
    binName: pkg.replace(/^@[^/]+\//, ''),
    ...(repo && /^https?:\/\//.test(repo) ? { repository: { url: repo.replace(/\.git$/, ''), source: github ? 'github' : new URL(repo).hostname.split('.').slice(-2, -1)[0] ?? 'git' } } : {}),
    ...(url && /^https?:\/\/\S+$/.test(url) ? { httpUrl: url } : {}),
    environmentVariables: Array.isArray(p.environmentVariables) ? p.environmentVariables.filter((v) => v && typeof v.name === 'string') : [],
  };
}
