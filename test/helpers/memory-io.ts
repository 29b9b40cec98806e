/** A CliIo that records output, for running runCli in-process. */
import type { CliIo } from '../../generator/cli/io.js';

export function memoryIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    interactive: false,
    stdout: () => out,
    stderr: () => err,
  };
}
