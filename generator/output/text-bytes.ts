/**
 * The UTF-8 bytes of generated text, for hashing and writing, in one buffer
 * that is reused.
 *
 * Memory is time on this kind of machine: every fresh page costs a fault in
 * the kernel, and a 1,000-tool target writes 56 MB. Encoding each file into a
 * new Buffer touched as many fresh pages as the output is large; one buffer,
 * grown to the largest file and reused, touches them once. Encoding a flat
 * string into warm memory is cheap (about 2 ms for the 14.8 MB validators
 * module), so a text hashed for the index and written later is encoded twice
 * rather than kept.
 */

let scratch = Buffer.alloc(0);

/**
 * The UTF-8 bytes of `text`, valid until the next call: hash or write them
 * at once, and never keep them.
 */
export function encodeTransient(text: string): Buffer {
  const size = Buffer.byteLength(text, 'utf8');
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length, 64 * 1024));
  return scratch.subarray(0, scratch.write(text, 0, size, 'utf8'));
}
