// Bundles the built CLI (dist/generator/cli/bin.js, tsc's output) into
// dist/generator/bin/, the `mcpgen` executable package.json names. Run by
// `npm run build` after tsc.
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
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

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
 * Node's built-ins taken with process.getBuiltinModule instead of `import`:
 * importing a built-in as an ES module builds a facade module of all its
 * exports (the profile showed the loader's builtinStrategy and getESMFacade
 * at about 10 ms of a lint), and reading every export of node:fs runs its
 * lazy getters. Safe here: built-ins have no live bindings, and the chunks
 * import each other without cycles, so a chunk's constants are set before
 * any other chunk calls into it.
 */
const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  renderChunk(code) {
    const rewritten = code.replace(/^import \{([^}]*)\} from "(node:[a-z_/]+)";$/gm, (_, names, id) => `const {${names.replace(/\s+as\s+/g, ': ')}} = process.getBuiltinModule("${id}");`);
    if (/^import\b[^;]*from "node:/m.test(rewritten)) throw new Error('bundle-cli: a built-in import form the rewrite does not know');
    return rewritten;
  },
};

const staging = `${outDir}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  input: { mcpgen: entry },
  platform: 'node',
  // Packages and Node's built-ins are loaded at run time, not copied in.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
  logLevel: 'warn',
  plugins: [builtinsWithoutFacades],
  onLog(level, log, handler) {
    // A module both imported and dynamically imported stays where the static import puts it: expected here.
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
    handler(level, log);
  },
  output: {
    dir: staging,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
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
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
