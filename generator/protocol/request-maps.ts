/**
 * The method maps appended to types.ts: for each union the revision defines
 * (`ClientRequest`, `ServerRequest`, `ClientNotification`,
 * `ServerNotification`), an interface from `method` to its params (and, for
 * requests, its result type). The pairing rule is documented in
 * protocol-model.ts.
 */
import type { ProtocolModel } from './protocol-model.js';

/** `ClientRequest` → `ClientRequestMap`. */
export function mapName(union: string): string {
  return `${union}Map`;
}

export function renderRequestMaps(model: ProtocolModel): string {
  const out: string[] = [];
  for (const [union, members] of model.unions) {
    const isRequest = union.endsWith('Request');
    const rows = members
      .map((name) => model.declaring.get(name))
      .filter((m) => m !== undefined)
      .sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
    out.push(`/**\n * Every \`${union}\` by its \`method\`: params${isRequest ? ' and result' : ''} types.\n */`);
    out.push(`export interface ${mapName(union)} {`);
    for (const m of rows) {
      const params = `${m.definition}['params']`;
      const result = isRequest && m.result ? `; result: ${m.result}` : '';
      out.push(`  ${JSON.stringify(m.method)}: { params: ${params}${result} };`);
    }
    out.push('}', '');
  }
  return out.join('\n');
}
