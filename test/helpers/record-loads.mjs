// Preloaded with `node --import`: appends the URL of every ES module the
// process loads to the file named by MCPGEN_RECORD_LOADS, one per line, so a
// test can count which of mcpgen's files a command reads.
import { register } from 'node:module';

const file = process.env.MCPGEN_RECORD_LOADS ?? '';
const hook = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(file)}, url + '\\n');
  return next(url, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
