/**
 * `mcpgen lint` on a generated 500-tool manifest, run as a process the way
 * users run it, next to baselines measured in the same run (so the figure
 * can be compared across machines).
 */
import { spawnSync } from 'node:child_process';
import { stringify } from 'yaml';
import { record } from './figures.js';
import { formatTable, median, ms, ratio, startupEnv } from './measure.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TOOLS = 500;
const repoRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'dist', 'generator', 'bin', 'mcpgen.cjs');
const yamlAlone = join(repoRoot, 'dist', 'bench', 'baselines', 'yaml-parse-alone.js');

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
  jsonLintMs: number;
  nodeMs: number;
  yamlLintMs: number;
  yamlParseMs: number;
  exitCodes: (number | null)[];
}

/**
 * `mcpgen lint` on the 500-tool manifest as JSON and as YAML, interleaved
 * with their baselines: `node -e 0` for JSON (target <= 3x), and for YAML a
 * bare process that only parses the file with the yaml package keeping
 * positions (target <= 1.3x: that parse is the floor of a YAML linter with
 * locations).
 */
export async function run(): Promise<LintBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpgen-lint-bench-'));
  const json = join(dir, 'mcp.json');
  const yamlFile = join(dir, 'mcp.yaml');
  const manifest = benchManifest();
  writeFileSync(json, JSON.stringify(manifest, null, 2));
  writeFileSync(yamlFile, stringify(manifest));
  const { env, removed } = startupEnv();
  // 15 rounds: with 9, the JSON ratio moved by about 0.1x between runs on this VM.
  const runs = Number(process.env.BENCH_ROUNDS ?? 15);
  try {
    const commands: [string[], NodeJS.ProcessEnv][] = [
      [[cli, 'lint', json], env],
      [['-e', '0'], env],
      [[cli, 'lint', yamlFile], env],
      [[yamlAlone, yamlFile], env],
      // Reference: JSON lint and node -e 0 with this machine's environment as it is.
      ...(removed.length ? ([[[cli, 'lint', json], process.env], [['-e', '0'], process.env]] as [string[], NodeJS.ProcessEnv][]) : []),
    ];
    // Reference: JSON lint that hashes the spec (spec/spec-hash-memo.ts), as the first lint after a spec change does: a
    // cache folder that does not exist holds no memo and gets none. Only when the spec is found outside the cache.
    const hashing = process.env.MCPGEN_SPEC_DIR ? commands.length : undefined;
    if (hashing !== undefined) commands.push([[cli, 'lint', json], { ...env, XDG_CACHE_HOME: join(dir, 'no-cache') }]);
    for (const [c, e] of commands) time(c, e); // warm the file system cache
    const samples = commands.map(() => [] as number[]);
    const exitCodes: (number | null)[] = [];
    for (let i = 0; i < runs; i++) {
      commands.forEach(([c, e], j) => {
        const r = time(c, e);
        samples[j]!.push(r.ms);
        if (i === 0) exitCodes.push(r.status);
      });
    }
    if (exitCodes.some((c) => c !== 0)) throw new Error(`lint bench: a command failed (exit codes ${exitCodes.join(', ')})`);
    const [jsonLintMs, nodeMs, yamlLintMs, yamlParseMs] = samples.map(median) as [number, number, number, number];
    const [asIsLintMs, asIsNodeMs] = removed.length ? [median(samples[4]!), median(samples[5]!)] : [undefined, undefined];
    const hashingMs = hashing !== undefined ? median(samples[hashing]!) : undefined;
    const jsonRatio = jsonLintMs / nodeMs;
    const yamlRatio = yamlLintMs / yamlParseMs;
    const without = removed.length ? `; without ${removed.join(', ')} (measure.ts startupEnv)` : '';
    console.log(`\n## mcpgen lint, ${TOOLS} tools (median of ${runs} interleaved runs${without})\n`);
    console.log(
      formatTable(
        ['manifest', 'mcpgen lint', 'baseline', 'baseline time', 'ratio', 'target'],
        [
          ['JSON', ms(jsonLintMs), 'node -e 0', ms(nodeMs), ratio(jsonRatio), `<= 3.00x: ${jsonRatio <= 3 ? 'met' : 'NOT MET'}`],
          ['YAML', ms(yamlLintMs), 'yaml parse with positions, alone', ms(yamlParseMs), ratio(yamlRatio), `<= 1.30x: ${yamlRatio <= 1.3 ? 'met' : 'NOT MET'}`],
          ...(asIsLintMs !== undefined && asIsNodeMs !== undefined
            ? [[`JSON, with ${removed.join(', ')}`, ms(asIsLintMs), 'node -e 0', ms(asIsNodeMs), ratio(asIsLintMs / asIsNodeMs), '(reference)']]
            : []),
          ...(hashingMs !== undefined ? [['JSON, spec hashed (first lint after a spec change)', ms(hashingMs), 'node -e 0', ms(nodeMs), ratio(hashingMs / nodeMs), '(reference)']] : []),
        ],
      ),
    );
    const command = 'BENCH_ONLY=lint npm run bench';
    record({ figure: `lint ${TOOLS} tools, JSON`, value: ms(jsonLintMs), baseline: `node -e 0: ${ms(nodeMs)}`, ratio: jsonRatio, target: '<= 3.00x', met: jsonRatio <= 3, command });
    if (asIsLintMs !== undefined && asIsNodeMs !== undefined) {
      record({ figure: `lint ${TOOLS} tools, JSON, with this machine's ${removed.join(', ')}`, value: ms(asIsLintMs), baseline: `node -e 0: ${ms(asIsNodeMs)}`, ratio: asIsLintMs / asIsNodeMs, target: '(reference)', command });
    }
    if (hashingMs !== undefined) {
      record({ figure: `lint ${TOOLS} tools, JSON, spec hashed (first lint after a spec change)`, value: ms(hashingMs), baseline: `node -e 0: ${ms(nodeMs)}`, ratio: hashingMs / nodeMs, target: '(reference)', command });
    }
    record({
      figure: `lint ${TOOLS} tools, YAML`,
      value: ms(yamlLintMs),
      baseline: `yaml parse with positions alone: ${ms(yamlParseMs)}`,
      ratio: yamlRatio,
      target: '<= 1.30x',
      met: yamlRatio <= 1.3,
      command,
    });
    return { tools: TOOLS, runs, jsonLintMs, nodeMs, yamlLintMs, yamlParseMs, exitCodes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
