/**
 * Helpers for end-to-end tests of generated client packages: generate
 * `--emit client` into a temp folder, compile it, and load its built entry.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { buildPackages, linkNodeModules } from './server-package.js';

/** Generates, links and compiles a client package for the manifest; returns its folder. */
export function buildClient(manifest: string, revision: string, out = tempDir('mcpgen-client-')): string {
  const r = runCliProcess(['generate', '--manifest', manifest, '--revision', revision, '--emit', 'client', '--out', out]);
  if (r.code !== 0) throw new Error(`generate failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  linkNodeModules(out);
  buildPackages(out);
  return out;
}

/** What the tests use of a generated client module (its own types are checked by tsc in the package). */
export interface GeneratedClient {
  sdk: { callTool: (params: { name: string; arguments?: Record<string, unknown> }) => Promise<unknown>; getNegotiatedProtocolVersion(): string | undefined };
  close(): Promise<void>;
  verify(): Promise<{ ok: boolean; missing: unknown[]; extra: unknown[]; changed: { kind: string; name: string; fields: { field: string }[] }[] }>;
  [method: string]: unknown;
}

export interface GeneratedClientClass {
  connectStdio(server: { command: string; args?: string[]; env?: Record<string, string>; stderr?: string }, settings?: Record<string, unknown>): Promise<GeneratedClient>;
  connectHttp(server: { url: string; headers?: Record<string, string>; authProvider?: unknown; fetch?: typeof fetch }, settings?: Record<string, unknown>): Promise<GeneratedClient>;
  [member: string]: unknown;
}

export interface GeneratedClientModule {
  ToolError: new (...args: never[]) => Error & { result: { isError?: boolean; content: unknown[] } };
  InvalidArgumentsError: new (...args: never[]) => Error & { problems: string[] };
  RevisionMismatchError: new (...args: never[]) => Error;
  [name: string]: unknown;
}

export async function loadClient(dir: string): Promise<GeneratedClientModule> {
  return (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as GeneratedClientModule;
}
