/**
 * Large generated files kept as their parts. The validators module of a
 * 1,000-tool server is 15 MB made of a few thousand per-schema chunks, and
 * `generate --watch` used to join them into one string after every save,
 * then encode that string twice (hash, write) and scan it for CRs: about
 * 150 ms of a one-tool edit, plus the garbage. A parted file's `contents`
 * is still its whole text (joined on first read, so any reader gets the
 * right answer), but the write stage compares, hashes and writes its parts,
 * whose UTF-8 bytes are kept from run to run (text-bytes.ts).
 *
 * Only files made here are parted (a module-private WeakMap says which): a
 * plug-in cannot hand the write stage parts that disagree with `contents`.
 * Copying such a file with `{ ...file }` gives a plain file with the joined
 * text: correct, only slower; `withFields` keeps the parts.
 */

import { countWork } from '../pipeline/work-counts.js';

/** The parts of each parted object (output file or planned file), by object. */
const partsByObject = new WeakMap<object, readonly string[]>();

/** Anything with a text: an output file, a planned file, a remembered disk state. */
export interface TextSource {
  readonly contents?: string;
}

/**
 * `fields` plus a `contents` that is `parts.join('')`, joined on first read.
 * Assigning `contents` replaces the text (and the file is no longer parted).
 */
export function parted<T extends object>(fields: T, parts: readonly string[]): T & { contents: string } {
  const target = { ...fields } as T & { contents: string };
  let joined: string | undefined;
  Object.defineProperty(target, 'contents', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (joined === undefined) {
        countWork('parted-texts-joined');
        joined = parts.join('');
      }
      return joined;
    },
    set(value: string) {
      partsByObject.delete(target);
      Object.defineProperty(target, 'contents', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  partsByObject.set(target, parts);
  return target;
}

/** The parts of a file made by `parted` (or copied with `withFields`), else undefined. */
export function partsOf(source: object): readonly string[] | undefined {
  return partsByObject.get(source);
}

/** A copy of `file` with `patch` applied; a parted file stays parted unless the patch sets `contents`. */
export function withFields<T extends TextSource, P extends object>(file: T, patch: P): T & P {
  const parts = partsOf(file);
  if (!parts || 'contents' in patch) return { ...file, ...patch };
  return parted({ ...fieldsOf(file), ...patch }, parts) as T & P;
}

/** The file's fields but its text (read without joining it). */
export function fieldsOf<T extends TextSource>(file: T): Omit<T, 'contents'> {
  const { contents: _text, ...fields } = Object.getOwnPropertyDescriptors(file);
  return Object.defineProperties({}, fields) as Omit<T, 'contents'>;
}

/** Text length (UTF-16 units) without joining. */
export function textLength(source: TextSource): number {
  const parts = partsOf(source);
  if (!parts) return source.contents?.length ?? 0;
  let n = 0;
  for (const p of parts) n += p.length;
  return n;
}

/**
 * Whether two texts are equal, joining neither: different lengths mean
 * different texts; otherwise the parts are compared in step (equal parts at
 * once, parts split elsewhere piece by piece).
 */
export function sameText(a: TextSource, b: TextSource): boolean {
  if (a === b) return true;
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (!pa && !pb) return a.contents === b.contents;
  if (textLength(a) !== textLength(b)) return false;
  return sameInStep(pa ?? [a.contents ?? ''], pb ?? [b.contents ?? '']);
}

/** Two part lists of equal total length hold the same text. */
function sameInStep(pa: readonly string[], pb: readonly string[]): boolean {
  let i = 0;
  let j = 0;
  let at = 0; // offset in pa[i]
  let bt = 0; // offset in pb[j]
  while (i < pa.length && j < pb.length) {
    const x = pa[i]!;
    const y = pb[j]!;
    if (at === 0 && bt === 0 && x === y) {
      i++;
      j++;
      continue;
    }
    const n = Math.min(x.length - at, y.length - bt);
    if (n > 0 && x.slice(at, at + n) !== y.slice(bt, bt + n)) return false;
    at += n;
    bt += n;
    if (at === x.length) {
      i++;
      at = 0;
    }
    if (bt === y.length) {
      j++;
      bt = 0;
    }
  }
  // Equal lengths: whatever is left on either side is empty parts.
  return true;
}

/** Whether the text begins with `prefix`, joining at most the parts it spans. */
export function textStartsWith(source: TextSource, prefix: string): boolean {
  return textHead(source, prefix.length) === prefix;
}

/** The first `n` characters (or fewer) of the text, joining at most the parts they span. */
export function textHead(source: TextSource, n: number): string {
  const parts = partsOf(source);
  if (!parts) return (source.contents ?? '').slice(0, n);
  let head = '';
  for (const p of parts) {
    if (head.length >= n) break;
    head += p;
  }
  return head.slice(0, n);
}
