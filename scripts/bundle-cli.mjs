// Bundles the built CLI (dist/generator/cli/bin.js, tsc's output) into
// dist/generator/bin/; its entry, mcpgen.cjs, is the `mcpgen` executable
// package.json names. Run by `npm run build` after tsc.
//
// Why: Node 20 loads each ES module with its own resolve, URL conversion and
// four asynchronous file operations (open, stat, read, close). A one-tool
// `mcpgen lint` loads about 70 of mcpgen's modules, and that loading cost more
// than the lint itself (about 40 ms of its 180). Bundled, the commands people
// run most load a few files:
// - chunk "shared": what both need (the command-line fast path, config
//   loading, reports, the spec registry);
// - chunk "generate": what `generate` needs besides, up to the no-op answer
//   (the no-op stamp, output bookkeeping);
// - chunk "lint": what `lint` needs besides (loading, spec, lint rules, IR);
// - everything else is split where the code splits it (dynamic imports), so
//   emitters, yargs and the heavy packages still load only when used.
// Packages in node_modules stay external (loaded from the installation).
// The library entry (dist/generator/index.js) is not bundled.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { trainCodeCache } from './train-code-cache.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'generator');
const outDir = join(built, 'bin');
const entry = join(built, 'cli', 'bin.js');

/** Relative static imports of a built module (tsc output: type-only imports are already gone). */
function staticImports(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(resolve(dirname(file), m[1]));
  return found;
}

/** Every module `starts` load before their first dynamic import. */
function closure(starts) {
  const seen = new Set();
  const stack = starts.map((s) => join(built, s));
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`bundle-cli: ${file} not found (run tsc first)`);
    seen.add(file);
    stack.push(...staticImports(file));
  }
  return seen;
}

const generatePath = closure(['cli/fast-path.js', 'cli/io.js', 'cli/report.js', 'cli/commands/generate-run.js']);
const lintPath = closure(['cli/fast-path.js', 'cli/io.js', 'cli/report.js', 'cli/commands/lint-run.js', 'pipeline/prepare-on-first-use.js']);
const shared = new Set([...generatePath].filter((m) => lintPath.has(m)));
for (const set of [generatePath, lintPath, shared]) set.delete(entry);

/**
 * The bundle is CommonJS: Node 20 sets up its ES-module loader only for an
 * ES-module entry (about 8 ms of a bare start-up here), loads each ES module
 * with asynchronous file operations, and builds a facade module for each
 * built-in an ES module imports; `require` does none of that. The code is
 * written as ES modules, so its few `import.meta` uses get their CommonJS
 * equivalents (any other use stops the build rather than silently becoming
 * `{}`, rolldown's default). Packages are still loaded with `import()` where
 * the code says so; static imports of packages become `require`, which
 * loads ES-only ones too on the Node versions package.json allows.
 */
const importMetaAsCommonJs = {
  name: 'import-meta-as-commonjs',
  transform(code, id) {
    if (!code.includes('import.meta')) return null;
    const rewritten = code
      .replace(/\bimport\.meta\.url\b/g, 'process.getBuiltinModule("node:url").pathToFileURL(__filename).href')
      .replace(
        /\bimport\.meta\.resolve\(/g,
        '((specifier) => process.getBuiltinModule("node:url").pathToFileURL(process.getBuiltinModule("node:module").createRequire(__filename).resolve(specifier)).href)(',
      );
    if (/\bimport\.meta\b/.test(rewritten)) throw new Error(`bundle-cli: ${id} uses import.meta in a way the CommonJS bundle does not translate`);
    return rewritten;
  },
};

/**
 * Dynamic imports of packages and of users' files (`import('prettier')`,
 * `import(configUrl)`) go through the entry, which Node loads itself:
 * `globalThis[Symbol.for('mcpgen.import')]`, defined at its top
 * (code-cache-loader.cjs). The chunks are compiled by vm.Script to use
 * their code caches, and Node 20 lets such a script import only through an
 * experimental option that prints a warning when used (and failed with a
 * cached script). Relative dynamic imports are the bundle's own chunks and
 * become `require` in the output, as before.
 */
const importsThroughEntry = {
  name: 'imports-through-entry',
  transform(code, id) {
    if (!code.includes('import(')) return null;
    const found = [];
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (node.type === 'ImportExpression') {
        if (node.options) throw new Error(`bundle-cli: ${id}: a dynamic import with options; the entry's import function takes a specifier only`);
        const relative = node.source.type === 'Literal' && typeof node.source.value === 'string' && node.source.value.startsWith('.');
        if (!relative) found.push(node.start);
      }
      for (const key in node) if (key !== 'start' && key !== 'end') visit(node[key]);
    };
    visit(parseAst(code, { sourceType: 'module' }, id));
    if (!found.length) return null;
    let out = code;
    for (const start of found.sort((a, b) => b - a)) {
      if (out.slice(start, start + 6) !== 'import') throw new Error(`bundle-cli: ${id}: no import keyword at ${start}`);
      out = `${out.slice(0, start)}globalThis[Symbol.for('mcpgen.import')]${out.slice(start + 6)}`;
    }
    return out;
  },
};

/**
 * Rewrites the chunks in ASCII: any other character (a few in messages, `…`,
 * `±`) becomes a `\uXXXX` escape. V8 keeps an ASCII source as one byte per
 * character and reads it faster; one such character made the whole 130 KB
 * lint chunk a two-byte string (about 3 ms of every lint). Escapes mean the
 * same in string, template and regular-expression literals, except in a raw
 * template (`String.raw`), which is refused. Done on the written files:
 * rolldown prints string literals with the characters themselves.
 */
function asciiChunks(dir) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    if (!/[^\x00-\x7f]/.test(code)) continue;
    if (code.includes('String.raw')) throw new Error(`bundle-cli: ${file} has non-ASCII characters and a raw template`);
    writeFileSync(path, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  }
}

const staging = `${outDir}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  input: { mcpgen: entry },
  platform: 'node',
  // Packages and Node's built-ins are loaded at run time, not copied in.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
  logLevel: 'warn',
  plugins: [importMetaAsCommonJs, importsThroughEntry],
  onLog(level, log, handler) {
    // A module both imported and dynamically imported stays where the static import puts it: expected here.
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
    handler(level, log);
  },
  output: {
    dir: staging,
    format: 'cjs',
    // The entry starts by installing the code-cache loader, before it loads any chunk.
    banner: (chunk) => (chunk.isEntry ? readFileSync(join(root, 'scripts', 'code-cache-loader.cjs'), 'utf8') : ''),
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    comments: false,
    codeSplitting: {
      groups: [
        { name: 'shared', test: (id) => shared.has(id) },
        { name: 'generate', test: (id) => generatePath.has(id) },
        { name: 'lint', test: (id) => lintPath.has(id) },
      ],
    },
  },
});
asciiChunks(staging);
trainCodeCache(staging, root);
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
