/**
 * node:crypto, loaded on first use. Node 20 compiles about twenty internal
 * modules for it, 7-10 ms of a process start: a no-op `mcpgen generate`,
 * answered from file metadata (run-stamp.ts), hashes nothing and draws no
 * random name, so it should not pay for them. Every module on the paths
 * of `generate` and `lint` takes crypto from here, not by a static import
 * (which the bundle turns into a load when its chunk loads).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
