/**
 * Writes to stdout and stderr by file descriptor, without creating
 * process.stdout or process.stderr. Node builds those objects on first use,
 * and for a pipe (a build step capturing output) that loads its net and
 * stream modules: about 5 ms of a 70 ms start-up, on every command. On
 * Linux and macOS, Node writes to files, pipes and terminals synchronously
 * anyway ("A note on process I/O" in Node's docs), so the write itself is
 * the same; only the objects are skipped.
 *
 * A descriptor falls back to its stream for good on anything unusual: a
 * write that would block (a non-blocking pipe handed over by a parent,
 * EAGAIN), any other error, or Windows (where the console needs the
 * stream's encoding). Output order holds: the stream writes synchronously
 * too, and after a fallback everything goes through it.
 *
 * A reader that went away (EPIPE, `mcpgen lint big.yaml | head`) is not an
 * error: the rest of the output is dropped and the command ends with its own
 * exit code, as it did when the stream reported EPIPE after the command was
 * done. (Commands that run on, like `generate --watch`, go through yargs and
 * the streams: useStreams.)
 */
import { fstatSync, writeSync } from 'node:fs';

type Fd = 1 | 2;

/** Descriptors that went to their stream (see above). */
const viaStream = new Set<Fd>(process.platform === 'win32' ? [1, 2] : []);
/** Descriptors whose reader went away. */
const closed = new Set<Fd>();

const guarded = new Set<Fd>();

/** The descriptor's stream, with the same ending on EPIPE as a direct write. */
function stream(fd: Fd): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  if (!guarded.has(fd)) {
    guarded.add(fd);
    // The stream reports EPIPE after the write, when a one-shot command has set its exit code.
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      if (fd === 1) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  return s;
}

function write(fd: Fd, text: string): void {
  if (text === '' || closed.has(fd)) return;
  if (viaStream.has(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
      closed.add(fd);
      return;
    }
    viaStream.add(fd);
    stream(fd).write(bytes.subarray(offset));
  }
}

export function writeStdout(text: string): void {
  write(1, text);
}

export function writeStderr(text: string): void {
  write(2, text);
}

/**
 * The streams themselves, for code that needs them (yargs prints through
 * console): from then on, everything for that descriptor goes through its
 * stream too, in order.
 */
export function useStreams(): void {
  for (const fd of [1, 2] as const) {
    viaStream.add(fd);
    stream(fd);
  }
}

/** Whether output written through a stream is still queued (never, when none was used). */
export function outputPending(): boolean {
  return [...viaStream].some((fd) => stream(fd).writableLength > 0);
}

/**
 * Whether stderr is a terminal (progress lines are shown only then), without
 * creating process.stderr: a character device is a terminal, or /dev/null,
 * where progress lines cost nothing.
 */
export function stderrIsTerminal(): boolean {
  if (viaStream.has(2)) return Boolean(process.stderr.isTTY);
  try {
    return fstatSync(2).isCharacterDevice();
  } catch {
    return false;
  }
}
