/**
 * Server entry (yours: mcpgen created it once and never overwrites it).
 * `npm start -- --stdio` serves stdio; `npm start -- --port 3000` serves
 * Streamable HTTP on http://127.0.0.1:3000/mcp.
 */
import { main } from './generated/main.js';

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
