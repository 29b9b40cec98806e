/**
 * Where the CLI writes, so tests can run it in-process and capture output.
 */
import { stderrIsTerminal, writeStderr, writeStdout } from './std-output.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: writeStdout,
  err: writeStderr,
  interactive: stderrIsTerminal(),
};
