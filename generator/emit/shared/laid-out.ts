/**
 * Marks a file of a built-in emitter as laid out by the emitter itself, so
 * the write stage does not run the formatter over it. Every built-in emitter
 * writes its code in its final layout (static runtime modules are kept
 * formatted in the repository, a test checks it; JSON goes through
 * json-layout.ts; generated modules put one declaration or entry per line).
 * Formatting them again costs most of a large run (prettier took 8 of the
 * 21 s of a 1,000-tool server, client and docs run) and changes nothing a
 * reader needs. Plug-in emitters' files are still formatted unless they say
 * otherwise.
 */
import type { OutputFile } from '../../output/file-map.js';
import { withFields } from '../../output/parted-text.js';

export function laidOut(file: OutputFile): OutputFile {
  return file.formatted ? file : withFields(file, { formatted: true });
}
