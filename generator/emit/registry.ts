/**
 * Every built-in emitter by `--emit` name, loaded lazily so that a run pays
 * only for the emitters it uses. Plug-ins (see plugin-loader.ts) implement
 * the same contract.
 */
import type { Emitter } from './emitter.js';

const EMITTERS: Record<string, { description: string; load: () => Promise<Emitter> }> = {
  manifest: {
    description: 'the manifest normalized for the target revision (manifest.json)',
    load: async () => ({ ...(await import('./manifest/manifest-emitter.js')).manifestEmitter, ...(await import('./builtins.js')).manifestDeclarations }),
  },
  server: {
    description: 'a typed MCP server package on the official TypeScript SDK (stdio and Streamable HTTP)',
    load: async () => ({ ...(await import('./server/server-emitter.js')).serverEmitter, ...(await (await import('./builtins.js')).serverDeclarations()) }),
  },
  docs: {
    description: 'server docs: README.md, a self-contained index.html and client set-up snippets (docs/)',
    load: async () => (await import('./docs/docs-emitter.js')).docsEmitter,
  },
  client: {
    description: 'a typed MCP client package on the official TypeScript SDK client (validated calls, pinned revision, verify())',
    load: async () => (await import('./client/client-emitter.js')).clientEmitter,
  },
};

export function emitterNames(): string[] {
  return Object.keys(EMITTERS);
}

export function isBuiltinEmitter(name: string): boolean {
  return Object.hasOwn(EMITTERS, name);
}

export function describeEmitters(): { name: string; description: string }[] {
  return Object.entries(EMITTERS).map(([name, e]) => ({ name, description: e.description }));
}

export async function loadBuiltinEmitter(name: string): Promise<Emitter> {
  return EMITTERS[name]!.load();
}
