/**
 * `mcpgen lint` on a generated 500-tool manifest, run as a process the way
 * users run it, next to `node -e 0` measured in the same run (so the figure
 * can be compared across machines). Target: median under 1 s.
 */
import { spawnSync } from 'node:child_process';
import { median } from './measure.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TOOLS = 500;
const RUNS = 5;
const TARGET_MS = 1000;
const repoRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'dist', 'generator', 'cli', 'bin.js');

/** A manifest with realistic tool schemas: enums, formats, nested objects, arrays, $defs refs, x-mcp-header. */
export function benchManifest(tools = TOOLS): Record<string, unknown> {
  const list = Array.from({ length: tools }, (_, i) => ({
    name: `resource_${i}_action`,
    title: `Resource ${i} action`,
    description: `Performs the action on resource ${i}. Returns the updated record with its revision and audit trail.`,
    inputSchema: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9-]{8,64}$', description: 'Record id.', 'x-mcp-header': `Record-Id` },
        region: { type: 'string', enum: ['eu-west', 'us-east', 'ap-south'], default: 'eu-west' },
        limit: { type: 'integer', minimum: 1, maximum: 500 },
        since: { type: 'string', format: 'date-time' },
        filter: {
          type: 'object',
          properties: {
            tags: { type: 'array', items: { type: 'string', maxLength: 40 }, uniqueItems: true },
            owner: { $ref: '#/$defs/Principal' },
          },
          additionalProperties: false,
        },
        dryRun: { type: 'boolean' },
      },
      required: ['id'],
      additionalProperties: false,
      $defs: {
        Principal: {
          type: 'object',
          properties: { kind: { enum: ['user', 'group'] }, name: { type: 'string' } },
          required: ['kind', 'name'],
        },
      },
    },
    outputSchema: {
      type: 'object',
      properties: { id: { type: 'string' }, revision: { type: 'integer' }, updatedAt: { type: 'string', format: 'date-time' } },
      required: ['id', 'revision'],
    },
    annotations: { readOnlyHint: i % 2 === 0, idempotentHint: true },
  }));
  return { revision: '2026-07-28', server: { name: 'bench', version: '1.0.0' }, tools: list };
}

function time(args: string[], env: NodeJS.ProcessEnv): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: r.status };
}

export interface LintBenchResult {
  tools: number;
  runs: number;
  lintMedianMs: number;
  nodeMedianMs: number;
  ratio: number;
  exitCode: number | null;
}

export async function run(): Promise<LintBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-lint-bench-'));
  const file = join(dir, 'mcp.json');
  writeFileSync(file, JSON.stringify(benchManifest(), null, 2));
  const env = { ...process.env };
  try {
    const lintArgs = [cli, 'lint', file, '--format', 'json'];
    time(lintArgs, env); // warm the file system cache
    const lint: number[] = [];
    const node: number[] = [];
    let exitCode: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      const r = time(lintArgs, env);
      lint.push(r.ms);
      exitCode = r.status;
      node.push(time(['-e', '0'], env).ms);
    }
    const result: LintBenchResult = {
      tools: TOOLS,
      runs: RUNS,
      lintMedianMs: Math.round(median(lint)),
      nodeMedianMs: Math.round(median(node)),
      ratio: Number((median(lint) / median(node)).toFixed(1)),
      exitCode,
    };
    const verdict = result.lintMedianMs < TARGET_MS ? 'under' : 'OVER';
    console.log(
      `lint-bench: mcpgen lint, ${TOOLS} tools: median ${result.lintMedianMs} ms over ${RUNS} runs (node -e 0: ${result.nodeMedianMs} ms, ratio ${result.ratio}x), exit ${exitCode}; ${verdict} the ${TARGET_MS} ms target`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
