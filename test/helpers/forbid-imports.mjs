// Preloaded with `node --import`: any import of a package named in
// MCPGEN_FORBID_IMPORTS (comma-separated) fails, so a test can prove that a
// command never loads it.
import { register } from 'node:module';

const names = (process.env.MCPGEN_FORBID_IMPORTS ?? '').split(',').filter(Boolean);
const hook = `
const names = ${JSON.stringify(names)};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  for (const n of names) {
    if (result.url.includes('/node_modules/' + n + '/')) throw new Error('forbidden import: ' + n + ' (from ' + context.parentURL + ')');
  }
  return result;
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
