/**
 * Large texts hashed or written through one reused buffer. Hashing or
 * writing a string makes Node encode it into fresh memory first: for the
 * 15 MB validators module of a 1,000-tool server that cost about 70 ms per
 * hash and per write (page faults on new memory, then garbage collection),
 * several times the hashing or writing itself. `generate --watch` hashes and
 * writes it after every save; encoding into memory already in use costs a
 * few ms. The bytes are the same UTF-8 either way.
 */
import type { Hash } from 'node:crypto';
import { nodeCrypto } from './node-crypto.js';
import { writeSync, writevSync } from 'node:fs';
import { runMemosKept } from '../pipeline/run-memos.js';
import { countWork } from '../pipeline/work-counts.js';

/** Texts shorter than this are hashed and written directly (Node's own small buffers are cheap). */
const LARGE = 64 * 1024;

let scratch: Buffer | undefined;

/**
 * A buffer for `bytes` and a quarter more: a module that grows by one tool
 * per save then fits for many saves (new memory costs its page faults on
 * first use, 130 ms for 30 MB here).
 */
function roomFor(bytes: number): Buffer {
  return Buffer.allocUnsafeSlow(Math.ceil(bytes * 1.25) + 4);
}

/** `text` as UTF-8 in this module's buffer: valid until the next call. */
function encoded(text: string): Buffer {
  if (!scratch || scratch.length < text.length + 4) scratch = roomFor(text.length);
  let written = scratch.write(text, 0, 'utf8');
  // Writing stops short only where the next character does not fit (at most 4 bytes left): then make room for all of it.
  if (scratch.length - written < 4) {
    scratch = roomFor(Buffer.byteLength(text, 'utf8'));
    written = scratch.write(text, 0, 'utf8');
  }
  return scratch.subarray(0, written);
}

/** The sha256 (hex) of `data`, a string as its UTF-8 bytes. */
export function sha256OfText(data: Buffer | string): string {
  const hash = nodeCrypto().createHash('sha256');
  hash.update(typeof data === 'string' && data.length >= LARGE ? encoded(data) : data);
  return hash.digest('hex');
}

/** Writes `text` as UTF-8 to an open file. */
export function writeText(fd: number, text: string): void {
  const bytes = text.length >= LARGE ? encoded(text) : Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * UTF-8 bytes of each part of a parted text (parted-text.ts), kept by part
 * from one run to the next per slot (the file's path) when this process
 * re-runs (`generate --watch`): a one-tool edit then encodes that tool's
 * chunk only. Keyed by the part's text, so a hit is always its encoding.
 */
const bytesBySlot = new Map<string, Map<string, Buffer>>();
/** Within a run: the same parts array (a server's and a client's module) is encoded and hashed once. */
const bytesByParts = new WeakMap<readonly string[], Buffer[]>();
const hashByParts = new WeakMap<readonly string[], string>();

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether a part boundary falls inside a surrogate pair: the parts' bytes one by one would then differ from the whole's. */
function splitsAPair(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!;
    if (before.length && parts[i]!.length && isHigh(before.charCodeAt(before.length - 1)) && isLow(parts[i]!.charCodeAt(0))) return true;
  }
  return false;
}

/**
 * A one-shot run (no memos kept) hashes and writes a parted text from one
 * reused window of bytes instead: each part is encoded into it in turn, and
 * the window handed on whenever the next part might not fit. Nothing is
 * kept, so keeping a Buffer per part (as watch mode does, to reuse it next
 * run) would only cost: for the 15 MB validators module of a 1,000-tool
 * server, thousands of small allocations and 15 MB of new memory (page
 * faults, garbage collection), about a twentieth of the whole run.
 */
const WINDOW = 1 << 20;
let window: Buffer | undefined;

function streamParts(parts: readonly string[], take: (bytes: Buffer) => void): void {
  if (splitsAPair(parts)) {
    take(Buffer.from(parts.join(''), 'utf8'));
    return;
  }
  const w = (window ??= Buffer.allocUnsafeSlow(WINDOW));
  let used = 0;
  for (const p of parts) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a pair, 4 bytes for 2 units).
    if (p.length * 3 > WINDOW - used) {
      if (used > 0) take(w.subarray(0, used));
      used = 0;
      if (p.length * 3 > WINDOW) {
        take(Buffer.from(p, 'utf8'));
        continue;
      }
    }
    used += w.write(p, used, 'utf8');
  }
  if (used > 0) take(w.subarray(0, used));
}

export function partBytes(parts: readonly string[], slot: string): Buffer[] {
  let buffers = bytesByParts.get(parts);
  if (buffers) return buffers;
  if (splitsAPair(parts)) {
    buffers = [Buffer.from(parts.join(''), 'utf8')];
  } else {
    const keep = runMemosKept();
    // One map per slot, added to (not rebuilt each run: a 1,000-tool module has thousands of parts), and
    // pruned to the current parts when what it holds grows well beyond them.
    let known = keep ? bytesBySlot.get(slot) : undefined;
    if (keep && known === undefined) bytesBySlot.set(slot, (known = new Map()));
    let encoded = 0;
    buffers = new Array<Buffer>(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      let b = known?.get(p);
      if (b === undefined) {
        b = Buffer.from(p, 'utf8');
        encoded++;
        known?.set(p, b);
      }
      buffers[i] = b;
    }
    countWork('text-parts-encoded', encoded);
    if (known !== undefined && known.size > 2 * parts.length + 64) {
      const pruned = new Map<string, Buffer>();
      for (let i = 0; i < parts.length; i++) pruned.set(parts[i]!, buffers[i]!);
      bytesBySlot.set(slot, pruned);
    }
  }
  bytesByParts.set(parts, buffers);
  return buffers;
}

/**
 * Hash states along the last parts hashed per slot, one after each
 * HASH_STATE_STEP bytes or so (at a part's end), so a re-run hashes from
 * the first changed part on, give or take that many bytes. (A state after
 * every eight parts made hundreds of copies of the hash per save for a
 * 1,000-tool metadata.ts alone, whose head changes with every added tool.)
 */
export const HASH_STATE_STEP = 64 * 1024;
const hashTrail = new Map<string, { parts: readonly string[]; states: Map<number, Hash> }>();

/**
 * The sha256 (hex) of the parts' joined text, from their bytes. In a
 * process that re-runs, the hash resumes from the state after the longest
 * run of leading parts equal to the slot's previous parts: an edit of the
 * last tool rehashes its chunk, not the 15 MB before it.
 */
export function sha256OfParts(parts: readonly string[], slot: string): string {
  let digest = hashByParts.get(parts);
  if (digest !== undefined) return digest;
  if (!runMemosKept()) {
    const hash = nodeCrypto().createHash('sha256');
    countWork('text-parts-hashed', parts.length);
    streamParts(parts, (bytes) => hash.update(bytes));
    hashByParts.set(parts, (digest = hash.digest('hex')));
    return digest;
  }
  const buffers = partBytes(parts, slot);
  const keep = runMemosKept() && buffers.length === parts.length;
  const previous = keep ? hashTrail.get(slot) : undefined;
  let hash = nodeCrypto().createHash('sha256');
  let start = 0;
  const states = new Map<number, Hash>();
  if (previous) {
    let common = 0;
    while (common < parts.length && common < previous.parts.length && parts[common] === previous.parts[common]) common++;
    // The last state saved after at most `common` parts (states are kept in part order).
    let resume: Hash | undefined;
    for (const [k, state] of previous.states) {
      if (k > common) break;
      start = k;
      resume = state;
      states.set(k, state);
    }
    if (resume) hash = resume.copy();
  }
  countWork('text-parts-hashed', buffers.length - start);
  let sinceState = 0;
  for (let i = start; i < buffers.length; i++) {
    hash.update(buffers[i]!);
    sinceState += buffers[i]!.length;
    if (keep && sinceState >= HASH_STATE_STEP) {
      states.set(i + 1, hash.copy());
      sinceState = 0;
    }
  }
  if (keep) hashTrail.set(slot, { parts, states });
  hashByParts.set(parts, (digest = hash.digest('hex')));
  return digest;
}

/** Whether the parts' text holds a carriage return (no joining). */
export function partsHoldCr(parts: readonly string[], slot: string): boolean {
  return runMemosKept() ? partBytes(parts, slot).some((b) => b.includes(13)) : parts.some((p) => p.includes('\r'));
}

/**
 * Writes the parts' joined text as UTF-8 to an open file: when memos are
 * kept, straight from the parts' kept bytes (gathered writes: no copy into
 * one buffer first); else a window at a time (streamParts). A short write
 * goes on from where it stopped.
 */
export function writeParts(fd: number, parts: readonly string[], slot: string): void {
  if (!runMemosKept()) {
    streamParts(parts, (bytes) => {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    });
    return;
  }
  const buffers = partBytes(parts, slot);
  let i = 0;
  let offset = 0; // bytes of buffers[i] already written
  while (i < buffers.length) {
    const batch = [offset ? buffers[i]!.subarray(offset) : buffers[i]!, ...buffers.slice(i + 1, i + WRITE_BATCH)];
    let written = writevSync(fd, batch);
    if (written === 0 && batch.some((b) => b.length > 0)) throw new Error('the file system accepted no bytes');
    // Skip what was written: whole buffers, then into the next one.
    while (i < buffers.length && written >= buffers[i]!.length - offset) {
      written -= buffers[i]!.length - offset;
      offset = 0;
      i++;
    }
    offset += written;
  }
}

/** Buffers per gathered write (the system's limit is 1,024 on Linux; libuv splits larger lists itself). */
const WRITE_BATCH = 1024;
