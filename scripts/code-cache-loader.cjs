// Part of the bundled `mcpgen` executable (scripts/bundle-cli.mjs puts it at
// the top of the entry, dist/generator/bin/mcpgen.cjs, before the entry loads
// any chunk): loads the bundle's chunks with the V8 code caches that
// `npm run build` made for them, so that a short command such as `mcpgen
// lint` neither parses the chunks nor compiles each function on its first
// call. The caches come from training runs at build time (see
// train-code-cache.mjs): they hold the bytecode of every function those runs called.
//
// Safe by construction: a chunk's file name carries a hash of its content,
// and V8 itself rejects a cache made by another V8 version or with other
// flags; a rejected or missing cache only means the chunk is compiled as
// Node would. MCPGEN_CODE_CACHE=off loads every chunk the ordinary way;
// MCPGEN_CODE_CACHE=report prints, on exit, whether each cache was used.
// Node 22 and later have module.enableCompileCache for this, which writes
// its caches at run time; Node 20 has nothing of the kind.
//
// The chunks' dynamic imports of packages and users' files come here
// (bundle-cli.mjs rewrites them): a script compiled by vm.Script can import
// only through an experimental Node option, and this file is loaded by Node
// itself. Specifiers are packages or absolute URLs, which resolve the same
// from here as from the chunks beside this file.
globalThis[Symbol.for('mcpgen.import')] = (specifier) => import(specifier);
(() => {
  const mode = process.env.MCPGEN_CODE_CACHE ?? '';
  if (mode === 'off') return;
  const Module = require('node:module');
  const { readFileSync, writeFileSync } = require('node:fs');
  const { basename, dirname } = require('node:path');
  const loadJs = Module._extensions['.js'];
  /** Chunks named with a content hash (`lint-eYxb8tvE.cjs`), in this folder. */
  const hashedChunk = /^[\w-]+-[\w-]{8}\.cjs$/;
  const training = mode === 'train';
  const seen = [];
  Module._extensions['.cjs'] = function loadChunk(module, filename) {
    if (dirname(filename) !== __dirname || !hashedChunk.test(basename(filename))) return loadJs.call(this, module, filename);
    const cacheFile = `${filename}.v8cache`;
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      if (!training) return loadJs.call(this, module, filename);
    }
    // A cache keeps the script name it was made under, so the name is one that holds wherever the package
    // is installed: stack traces read `mcpgen/dist/generator/bin/lint-eYxb8tvE.cjs:120:7`.
    const scriptName = `mcpgen/dist/generator/bin/${basename(filename)}`;
    // node:vm is taken here, on the first chunk: `mcpgen --help` loads none and need not load it.
    const script = new (require('node:vm').Script)(Module.wrap(readFileSync(filename, 'utf8')), { filename: scriptName, cachedData });
    seen.push({ script, cacheFile, used: cachedData !== undefined && !script.cachedDataRejected });
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, __dirname);
  };
  if (training || mode === 'report') {
    process.on('exit', () => {
      for (const { script, cacheFile, used } of seen) {
        if (training) writeFileSync(cacheFile, script.createCachedData());
        else process.stderr.write(`mcpgen code cache: ${basename(cacheFile)} ${used ? 'used' : 'not used'}\n`);
      }
    });
  }
})();
