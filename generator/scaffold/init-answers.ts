/**
 * What `mcpgen init` needs to know, from flags or from the interactive
 * prompts, and its checks. The same answers always give the same files.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';
import { defaultRevision, listRevisions } from '../spec/revisions.js';

export const TRANSPORTS = ['stdio', 'http', 'both'] as const;
export const AUTH_KINDS = ['none', 'bearer', 'oauth'] as const;
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;
/** Extra outputs `--with` may add beside the server (each only when this mcpgen has its emitter). */
export const EXTRAS = ['client', 'docs'] as const;

export type Transport = (typeof TRANSPORTS)[number];
export type AuthKind = (typeof AUTH_KINDS)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];
export type Extra = (typeof EXTRAS)[number];

export interface InitAnswers {
  /** Server name (the manifest's `server.name`; the npm package name is derived from it). */
  name: string;
  description: string;
  transport: Transport;
  auth: AuthKind;
  revision: string;
  with: Extra[];
  packageManager: PackageManager;
  /** Write `.github/workflows/ci.yml`. */
  ci: boolean;
  /** Write a `Dockerfile`. */
  docker: boolean;
}

export function defaultAnswers(name: string): InitAnswers {
  return {
    name,
    description: 'An MCP server made with mcpgen.',
    transport: 'stdio',
    auth: 'none',
    revision: defaultRevision(),
    with: [],
    packageManager: 'npm',
    ci: true,
    docker: false,
  };
}

/** A server name from a folder name: lowercase letters, digits and `-`. */
export function nameFromFolder(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return name || 'my-mcp-server';
}

function usage(message: string, hint?: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message, ...(hint ? { hint } : {}) });
}

/** Throws a usage error (exit 2) for answers that cannot make a working project. */
export function checkAnswers(a: InitAnswers, knownEmitters: readonly string[]): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(a.name)) {
    throw usage(`--name ${JSON.stringify(a.name)} is not a usable server name.`, 'Use 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit (it also names the npm package).');
  }
  if (/[\u0000-\u001f\u007f]/.test(a.description) || a.description.length > 500) {
    throw usage('--description must be one line of at most 500 characters.');
  }
  if (!listRevisions().some((r) => r.id === a.revision)) {
    throw usage(`Unknown MCP revision "${a.revision}".`, `Known revisions: ${listRevisions().map((r) => r.id).join(', ')}.`);
  }
  if (a.auth !== 'none' && a.transport === 'stdio') {
    throw usage(`--auth ${a.auth} needs the HTTP transport: stdio has no tokens.`, 'Use --transport http or --transport both, or --auth none.');
  }
  const missing = a.with.filter((w) => !knownEmitters.includes(w));
  if (missing.length) {
    throw usage(
      `--with ${missing.join(',')}: ${missing.length > 1 ? 'these outputs are' : 'this output is'} not available in this version of mcpgen (it can generate: ${knownEmitters.join(', ')}).`,
      'Leave it out of --with; add it to the config\'s emit list once your mcpgen has it.',
    );
  }
}

/** `--with client,docs` → the list, checked against the known extras. */
export function parseWith(values: readonly string[] | undefined): Extra[] {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((v) => v !== 'server' && !(EXTRAS as readonly string[]).includes(v));
  if (unknown.length) throw usage(`--with: unknown output ${unknown.map((u) => JSON.stringify(u)).join(', ')}.`, `--with takes a comma-separated list of: ${EXTRAS.join(', ')} (the server is always made).`);
  return [...new Set(list.filter((v): v is Extra => v !== 'server'))].sort();
}
