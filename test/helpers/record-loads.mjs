// Preloaded with `node --import`: appends the file URL of every module the
// process loads (ES modules through a loader hook, CommonJS modules through
// Module.prototype.load) to the file named by MCPGEN_RECORD_LOADS, one per
// line, so a test can count which of mcpgen's files a command reads.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.MCPGEN_RECORD_LOADS ?? '';
const hook = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(file)}, url + '\\n');
  return next(url, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));

const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  appendFileSync(file, pathToFileURL(filename).href + '\n');
  return load.call(this, filename);
};

// Built-ins too, by name, for the few a test wants kept off a path (node:crypto: 7-10 ms to load on Node 20).
process.on('exit', () => {
  if (process.moduleLoadList.includes('NativeModule crypto')) appendFileSync(file, 'builtin:crypto\n');
});

// And whether process.stdout or process.stderr was made (for a pipe, that loads node:net and the streams: about
// 5 ms). Recorded by wrapping Node's lazy getters; the loader hook above loads node:net itself, so the module list
// cannot tell.
for (const name of ['stdout', 'stderr']) {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (!own?.get) continue;
  let recorded = false;
  Object.defineProperty(process, name, {
    ...own,
    get() {
      if (!recorded) {
        recorded = true;
        appendFileSync(file, `stream:${name}\n`);
      }
      return own.get.call(this);
    },
  });
}
