/** What command handlers share with runCli: the output streams and the exit code they set. */
import type { CliIo } from '../io.js';

export interface CommandState {
  io: CliIo;
  exitCode: number;
}
