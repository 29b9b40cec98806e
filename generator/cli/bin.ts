#!/usr/bin/env node
/** The `mcpgen` executable: everything happens in runCli. */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
