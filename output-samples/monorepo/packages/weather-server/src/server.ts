#!/usr/bin/env node
/**
 * Server entry (yours: mcpgen created it once and never overwrites it).
 * `node dist/server.js --stdio` serves stdio (not `npm start`: npm prints
 * its banner on stdout, which carries the protocol); `node dist/server.js
 * --port 3000` serves Streamable HTTP on http://127.0.0.1:3000/mcp.
 */
import { main } from './generated/main.js';

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
