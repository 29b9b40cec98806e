/**
 * Reads a manifest or `$ref` target the careful way: only regular files (a
 * FIFO would block forever, `/dev/zero` never ends), at most `maxBytes`
 * (checked before and while reading, so a growing file cannot eat memory),
 * and only UTF-8 (UTF-16 and invalid bytes are reported where they are,
 * never passed on as U+FFFD).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { runMemosKept } from '../pipeline/run-memos.js';

/** Default cap on one input file: manifests of thousands of tools stay far below it. */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;

export interface ReadInputOptions {
  maxBytes?: number;
  /** What the file is, for messages: `manifest`, `$ref target`. */
  kind: string;
  /** How the file is shown in messages. */
  shown: string;
  /** Where to point when the file cannot be read (default: the file itself, 1:1). */
  location?: Diagnostic['location'];
}

export type ReadInputResult = { text: string } | { diagnostic: Diagnostic };

export function readInputFile(absolute: string, options: ReadInputOptions): ReadInputResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const at = options.location ?? { file: options.shown, line: 1, column: 1 };
  const unreadable = (why: string, hint: string, code = 'input/unreadable'): ReadInputResult => ({
    diagnostic: { code, severity: 'error', message: `Cannot read ${options.kind} ${options.shown}: it ${why}.`, hint, location: at },
  });
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return unreadable(describeFsError(err), 'Relative paths are resolved from the current directory.');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return unreadable('is a directory', 'Name a YAML or JSON file.');
    if (!stat.isFile()) {
      return unreadable(
        `is not a regular file (${stat.isFIFO() ? 'a pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'a special file'})`,
        'mcpgen reads manifests from regular files only; save the content to a file first.',
      );
    }
    const tooLarge = (size: string): ReadInputResult =>
      unreadable(
        `is larger than the limit of ${formatBytes(maxBytes)} (${size})`,
        'If the file is really meant to be this large, raise the limit with --max-input-size (in MB).',
        'input/too-large',
      );
    if (stat.size > maxBytes) return tooLarge(formatBytes(stat.size));
    // Read at most maxBytes + 1: a file that grows while read is caught too.
    const buffer = readBuffer(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw err;
      }
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return tooLarge('it grew while being read');
    return decodeUtf8(buffer.subarray(0, length), options.shown);
  } catch (err) {
    return unreadable(describeFsError(err), 'Check the file.');
  } finally {
    closeSync(fd);
  }
}

/**
 * The buffer read into, kept from read to read while the process keeps
 * memos from run to run (`generate --watch`, which reads the manifest again
 * after every save). Its pages are then already mapped: on a fresh buffer
 * of a 2 MB manifest, the first touch of each page made the read and the
 * ASCII check take about 13 ms instead of 1. Only the text decoded from it
 * leaves this module, never the buffer.
 */
let kept: Buffer | undefined;

function readBuffer(size: number): Buffer {
  if (!runMemosKept()) {
    kept = undefined;
    return Buffer.alloc(size);
  }
  // A quarter more than asked: a manifest that grows by a tool per save still fits for many saves.
  if (kept === undefined || kept.length < size) kept = Buffer.alloc(Math.ceil(size * 1.25));
  return kept.subarray(0, size);
}

/** UTF-8 text (a BOM is dropped), or an encoding error at the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, shown: string): ReadInputResult {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return {
      diagnostic: {
        code: 'load/encoding',
        severity: 'error',
        message: `${shown} is encoded as UTF-16 (${utf16}); mcpgen reads UTF-8 only.`,
        hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
        location: { file: shown, line: 1, column: 1 },
      },
    };
  }
  // The native check (same rules: no overlongs, no surrogates) clears valid files; the scan finds the offset.
  // ASCII (most manifests) is UTF-8; checking it is a fraction of the full check.
  const bad = isAscii(bytes) || isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = Buffer.from(bytes.subarray(0, bad)).toString('utf8');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      diagnostic: {
        code: 'load/encoding',
        severity: 'error',
        message: `${shown} is not valid UTF-8: byte 0x${byte} at offset ${bad} does not start or continue a UTF-8 character.`,
        hint: 'The file is probably in another encoding (Latin-1, Windows-1252); save it as UTF-8.',
        location: { file: shown, line, column: [...before.slice(lineStart)].length + 1 },
      },
    };
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function utf16Kind(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'little-endian, with a byte order mark';
  if (b[0] === 0xfe && b[1] === 0xff) return 'big-endian, with a byte order mark';
  // Without a BOM: ASCII text in UTF-16 has a zero in every other byte.
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'little-endian';
  if (b.length >= 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'big-endian';
  return undefined;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable';
  if (code === 'ENOTDIR') return 'does not exist (a part of the path is a file)';
  if (code === 'ELOOP') return 'is a symbolic link loop';
  return `cannot be read (${code ?? (err as Error).message})`;
}
