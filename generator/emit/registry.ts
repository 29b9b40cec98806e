/**
 * Every emitter by `--emit` name, loaded lazily so that a run pays only for
 * the emitters it uses. Later emitters (types, validators, server, client,
 * docs) register here.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';
import type { Emitter } from './emitter.js';

const EMITTERS: Record<string, { description: string; load: () => Promise<Emitter> }> = {
  manifest: {
    description: 'the manifest normalized for the target revision (manifest.json)',
    load: async () => (await import('./manifest/manifest-emitter.js')).manifestEmitter,
  },
  server: {
    description: 'a typed MCP server package on the official TypeScript SDK (stdio and Streamable HTTP)',
    load: async () => (await import('./server/server-emitter.js')).serverEmitter,
  },
  client: {
    description: 'a typed MCP client package on the official TypeScript SDK client (validated calls, pinned revision, verify())',
    load: async () => (await import('./client/client-emitter.js')).clientEmitter,
  },
};

export function emitterNames(): string[] {
  return Object.keys(EMITTERS);
}

export function describeEmitters(): { name: string; description: string }[] {
  return Object.entries(EMITTERS).map(([name, e]) => ({ name, description: e.description }));
}

export async function loadEmitters(names: string[]): Promise<Emitter[]> {
  const unknown = names.filter((n) => !(n in EMITTERS));
  if (unknown.length) {
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: `Unknown emitter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      hint: `--emit takes a comma-separated list of: ${emitterNames().join(', ')}.`,
    });
  }
  return Promise.all([...new Set(names)].map((n) => EMITTERS[n]!.load()));
}

/**
 * The server and client emitters each write a whole package (package.json,
 * tsconfig.json, src/): one output folder holds one of them.
 */
export function assertOneOutputPackage(names: string[]): void {
  if (names.includes('client') && names.includes('server')) {
    throw new McpgenError({
      code: 'usage/invalid',
      severity: 'error',
      message: 'The server and client emitters each write a package; they cannot share one --out folder.',
      hint: 'Run generate twice: --emit server --out my-server, then --emit client --out my-client.',
    });
  }
}
