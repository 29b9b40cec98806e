/**
 * The floor for linting a YAML manifest with locations: a bare process that
 * only parses the file with the `yaml` package, keeping node positions (a
 * Document with ranges, as mcpgen's loader reads it), and exits. The lint
 * bench compares `mcpgen lint file.yaml` with it.
 * Run: `node dist/bench/baselines/yaml-parse-alone.js FILE`.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const file = process.argv[2];
if (!file) throw new Error('usage: yaml-parse-alone.js FILE');
const doc = parseDocument(readFileSync(file, 'utf8'), { keepSourceTokens: false });
if (doc.errors.length) process.exitCode = 1;
