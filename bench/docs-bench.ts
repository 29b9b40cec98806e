/**
 * Docs benchmark: rendering a server's docs (README.md + index.html + client
 * snippets) from the IR of the bench's synthetic manifests (100 and 1,000
 * tools), beside the baseline of the same run: the protocol reference
 * (reference.md + reference.html of one revision, the same renderer on a
 * ~100 KB document); and the size of index.html per tool.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderServerDocs } from '../generator/emit/docs/docs-emitter.js';
import { renderDocsFiles } from '../generator/protocol/docs/emit-docs.js';
import { buildProtocolModel } from '../generator/protocol/protocol-model.js';
import { buildIr } from '../generator/ir/build-ir.js';
import { loadManifest } from '../generator/load/load-manifest.js';
import { loadSpec } from '../generator/spec/load-spec.js';
import { formatTable, median, ms } from './measure.js';
import { benchManifest } from './server/bench-manifest.js';

const REVISION = '2025-11-25';

async function timeIt(fn: () => Promise<unknown>, rounds: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export async function run(): Promise<void> {
  const spec = loadSpec(REVISION);
  const model = buildProtocolModel(spec);
  const rows: (string | number)[][] = [];
  for (const count of [100, 1000]) {
    const dir = mkdtempSync(join(tmpdir(), 'mcpgen-docs-bench-'));
    try {
      writeFileSync(join(dir, 'mcp.json'), benchManifest(count));
      const ir = buildIr(loadManifest(join(dir, 'mcp.json')), spec);
      const rounds = count >= 1000 ? 5 : 10;
      const docs = median(await timeIt(() => renderServerDocs(ir), rounds));
      const baseline = median(await timeIt(() => renderDocsFiles(model), rounds));
      const files = await renderServerDocs(ir);
      const html = Buffer.byteLength(files.find((f) => f.path === 'index.html')!.contents);
      const md = Buffer.byteLength(files.find((f) => f.path === 'README.md')!.contents);
      rows.push([count, ms(docs), ms(baseline), (docs / baseline).toFixed(1) + 'x', `${(html / 1024).toFixed(0)} KB`, `${(html / count / 1024).toFixed(2)} KB`, `${(md / count / 1024).toFixed(2)} KB`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(formatTable(['tools', 'docs (median)', 'protocol reference', 'ratio', 'index.html', 'HTML/tool', 'MD/tool'], rows));
}
