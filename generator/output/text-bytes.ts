/**
 * The UTF-8 bytes of generated text, for hashing and writing.
 *
 * Hashing or writing a string encodes it each time, and encoding a large
 * string built by concatenation is slow (it is flattened first: about 200 ms
 * for the 14.8 MB validators module of a 1,000-tool server). A run hashes and
 * writes the same large text more than once (a target's server and client
 * repeat their validators and metadata), so each large text is encoded once
 * per run.
 */

/** Texts below this size are encoded on each call: keeping them would cost more memory than it saves time. */
const REUSE_FROM_LENGTH = 64 * 1024;

export type EncodeText = (text: string) => Buffer;

/** The UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** An encoder for one run: each large text is encoded once, however often it is hashed or written. */
export function encoderForRun(): EncodeText {
  const encoded = new Map<string, Buffer>();
  return (text) => {
    if (text.length < REUSE_FROM_LENGTH) return utf8Bytes(text);
    let bytes = encoded.get(text);
    if (bytes === undefined) encoded.set(text, (bytes = utf8Bytes(text)));
    return bytes;
  };
}
