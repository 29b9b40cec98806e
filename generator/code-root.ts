/**
 * The folder of the code that is running: dist/generator for tsc's output
 * (generator/ when run from source), dist/generator/bin for the bundled
 * executable, whose chunks inline this module (scripts/bundle-cli.mjs). The
 * no-op stamp and the content cache identify mcpgen's code by the files in
 * it, so a bundled run looks at the about 90 files it runs, not at the 360
 * modules of the library beside it.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_ROOT = dirname(fileURLToPath(import.meta.url));
