// The V8 code caches of the bundled executable's chunks (loaded by
// scripts/code-cache-loader.cjs), made at the end of `npm run build` by
// scripts/bundle-cli.mjs with trainCodeCache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes the V8 code caches of the chunks (scripts/code-cache-loader.cjs) by
 * running the bundle the way users do: a lint of a JSON and of a YAML
 * manifest, a generate from a config and the no-op generate after it. Each
 * run starts from the caches of the one before and writes them back with the
 * functions it called besides. Without the MCP schema (MCPGEN_SPEC_DIR or
 * the spec cache) the commands stop early and the caches hold less: the
 * executable is as correct, only slower to start.
 */
export function trainCodeCache(binDir, root) {
  const work = mkdtempSync(join(tmpdir(), 'mcpgen-code-cache-'));
  try {
    const manifest = join(work, 'mcp.json');
    writeFileSync(manifest, JSON.stringify(trainingManifest(), null, 2));
    writeFileSync(join(work, 'mcpgen.config.json'), JSON.stringify({ manifests: ['mcp.json'], targets: { server: { emit: ['manifest', 'server'] } } }));
    // --offline: training never downloads a spec (or writes it into the user's cache).
    const runs = [['lint', '--offline', manifest], ['lint', '--offline', join(root, 'output-samples', 'weather', 'mcp.yaml')], ['generate', '--offline'], ['generate', '--offline']];
    const failed = [];
    for (const args of runs) {
      const run = spawnSync(process.execPath, [join(binDir, 'mcpgen.cjs'), ...args], {
        cwd: work,
        env: { ...process.env, MCPGEN_CODE_CACHE: 'train' },
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (run.status !== 0) failed.push(`\`mcpgen ${args.join(' ')}\` exited ${run.status ?? run.signal}: ${(run.stderr || run.stdout).trim().split('\n')[0]}`);
    }
    if (failed.length) console.warn(`bundle-cli: ${failed.length} of the ${runs.length} code-cache training runs failed, so the caches hold less (the executable is as correct, only slower to start); the first: ${failed[0]}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A small manifest with what lint looks at: tool schemas with $defs, formats and x-mcp-header, resources, a template, a prompt. */
function trainingManifest() {
  const tool = (i) => ({
    name: `record_${i}_update`,
    title: `Update record ${i}`,
    description: 'Updates the record and returns its new revision.',
    inputSchema: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9-]{8,64}$', 'x-mcp-header': 'Record-Id' },
        region: { type: 'string', enum: ['eu', 'us'], default: 'eu' },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
        since: { type: 'string', format: 'date-time' },
        filter: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true }, owner: { $ref: '#/$defs/Owner' } }, additionalProperties: false },
      },
      required: ['id'],
      additionalProperties: false,
      $defs: { Owner: { type: 'object', properties: { kind: { enum: ['user', 'group'] }, name: { type: 'string' } }, required: ['kind', 'name'] } },
    },
    outputSchema: { type: 'object', properties: { id: { type: 'string' }, revision: { type: 'integer' } }, required: ['id', 'revision'] },
    annotations: { readOnlyHint: false, idempotentHint: true },
  });
  return {
    revision: '2026-07-28',
    server: { name: 'code-cache-training', version: '1.0.0' },
    tools: Array.from({ length: 20 }, (_, i) => tool(i)),
    resources: [{ name: 'readme', uri: 'file:///readme.md', mimeType: 'text/markdown' }],
    resourceTemplates: [{ name: 'record', uriTemplate: 'records://{id}', mimeType: 'application/json' }],
    prompts: [{ name: 'summarize', description: 'Summarizes a record.', arguments: [{ name: 'id', required: true }] }],
  };
}
