/**
 * Large texts hashed or written through one reused buffer. Hashing or
 * writing a string makes Node encode it into fresh memory first: for the
 * 15 MB validators module of a 1,000-tool server that cost about 70 ms per
 * hash and per write (page faults on new memory, then garbage collection),
 * several times the hashing or writing itself. `generate --watch` hashes and
 * writes it after every save; encoding into memory already in use costs a
 * few ms. The bytes are the same UTF-8 either way.
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';

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
  const hash = createHash('sha256');
  hash.update(typeof data === 'string' && data.length >= LARGE ? encoded(data) : data);
  return hash.digest('hex');
}

/** Writes `text` as UTF-8 to an open file. */
export function writeText(fd: number, text: string): void {
  const bytes = text.length >= LARGE ? encoded(text) : Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
