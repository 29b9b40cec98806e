/**
 * `npm run fuzz -- --count N [--seed S] [--generate-every K] [--no-typecheck]`:
 * seeded structural fuzzing of manifests through lint and generate, in process.
 *
 * Invariants per case: no internal error (anything thrown that is not a
 * McpgenError), no stack trace, every error diagnostic located
 * (file:line:col), no case slower than 60 s (a hang), and a manifest that
 * lints clean generates a server and a client package that typecheck under
 * their own strict tsconfig (with `--no-typecheck`: generates in dry-run).
 * Prints figures and exits 1 when an invariant broke.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { hasErrors, McpgenError, type Diagnostic } from '../generator/diagnostics/diagnostic.js';
import { generate } from '../generator/generate.js';
import { lint } from '../generator/lint/lint.js';
import { packageRoot } from '../generator/package-root.js';
import { corruptText, mutate, seeded } from './mutate.js';
import { typecheckPackages, type PackageToCheck } from './typecheck-packages.js';

export interface FuzzFigures {
  cases: number;
  crashes: number;
  hangs: number;
  unlocated: number;
  lintClean: number;
  generated: number;
  generateFailures: number;
  /** Generated packages typechecked, and those tsc rejected. */
  typechecked: number;
  typecheckFailures: number;
  /** Process warnings (a dependency printing to the console) while the cases ran. */
  warnings: number;
  failures: string[];
}

/** A case slower than this counts as a hang (generous: the first case also loads Ajv and prettier). */
const HANG_MS = 60_000;

function seeds(): unknown[] {
  const root = packageRoot();
  const list: unknown[] = [parse(readFileSync(join(root, 'output-samples', 'weather', 'mcp.yaml'), 'utf8'))];
  for (const f of ['server-everything.json', 'server-filesystem.json', 'server-filesystem-tools-list.json']) {
    try {
      list.push(JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'real-servers', f), 'utf8')));
    } catch {
      // Fixtures are not in the installed package; the sample is enough.
    }
  }
  list.push({ server: { name: 's', version: '1.0.0' }, tools: [{ name: 't', description: 'd', inputSchema: { type: 'object', additionalProperties: false } }] });
  return list;
}

/** Generated packages typechecked together in one tsc program (bounds its memory). */
const TYPECHECK_BATCH = 40;

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Generate every K-th lint-clean case (default 1). */
  generateEvery?: number;
  /** Write the generated packages and typecheck them (default true). */
  typecheck?: boolean;
  log?: (s: string) => void;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const typecheck = options.typecheck ?? true;
  const rng = seeded(options.seed);
  const all = seeds();
  const dir = join(tmpdir(), `mcpgen-fuzz-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'self.json'), '{"a": {"type": "string"}}');
  const figures: FuzzFigures = { cases: 0, crashes: 0, hangs: 0, unlocated: 0, lintClean: 0, generated: 0, generateFailures: 0, typechecked: 0, typecheckFailures: 0, warnings: 0, failures: [] };
  // Nothing third-party may print to the user's console (Node prints process warnings to stderr).
  let current = -1;
  const onWarning = (w: Error): void => {
    figures.warnings++;
    figures.failures.push(`case ${current}: console warning: ${w.message.slice(0, 200)}`);
  };
  process.on('warning', onWarning);
  const fail = (kind: string, i: number, detail: string) => {
    if (figures.failures.length < 50) figures.failures.push(`case ${i} (seed ${options.seed}): ${kind}: ${detail.slice(0, 300)}`);
  };
  const checkDiagnostics = (diagnostics: Diagnostic[], i: number) => {
    for (const d of diagnostics) {
      if (d.severity === 'error' && (!d.location || !d.location.line || !d.location.column)) {
        figures.unlocated++;
        fail('unlocated', i, `${d.code} ${d.message}`);
      }
      if (/\n\s+at /.test(d.message)) fail('stack trace', i, d.message);
    }
  };
  const keep = (source: string, i: number, ext: string) => {
    // MCPGEN_FUZZ_KEEP=DIR keeps each failing case for a look.
    if (process.env.MCPGEN_FUZZ_KEEP) copyFileSync(source, join(process.env.MCPGEN_FUZZ_KEEP, `case-${i}.${ext}`));
  };
  let pending: (PackageToCheck & { manifest: string; ext: string })[] = [];
  const checkPending = () => {
    const failed = typecheckPackages(dir, pending);
    figures.typechecked += pending.length;
    figures.typecheckFailures += failed.length;
    for (const f of failed) {
      const p = pending.find((c) => c.caseIndex === f.caseIndex)!;
      keep(p.manifest, f.caseIndex, p.ext);
      fail('generated package does not typecheck', f.caseIndex, f.errors);
    }
    for (const p of pending) rmSync(p.dir, { recursive: true, force: true });
    pending = [];
  };
  try {
    for (let i = 0; i < options.count; i++) {
      current = i;
      figures.cases++;
      const value = mutate(all[Math.floor(rng() * all.length)], rng, 1 + Math.floor(rng() * 4));
      const json = rng() < 0.5;
      let text: string | Buffer;
      try {
        text = json ? JSON.stringify(value, null, rng() < 0.5 ? 2 : 0) : stringify(value, { aliasDuplicateObjects: false });
      } catch {
        text = JSON.stringify(value);
      }
      if (rng() < 0.1) text = corruptText(text.toString(), rng);
      const file = join(dir, `case.${json ? 'json' : 'yaml'}`);
      writeFileSync(file, text);
      const started = Date.now();
      let clean = false;
      try {
        const result = lint({ manifests: [file], cwd: dir });
        checkDiagnostics(result.diagnostics, i);
        clean = !hasErrors(result.diagnostics);
      } catch (err) {
        if (err instanceof McpgenError) checkDiagnostics(err.diagnostics.filter((d) => !d.code.startsWith('spec/')), i);
        else {
          figures.crashes++;
          fail('crash in lint', i, (err as Error)?.stack ?? String(err));
        }
      }
      if (clean) {
        figures.lintClean++;
        if (figures.lintClean % (options.generateEvery ?? 1) === 0) {
          try {
            const out = typecheck ? join(dir, 'pkgs', `case-${i}`) : join(dir, 'out');
            rmSync(out, { recursive: true, force: true });
            const result = typecheck
              ? await generate({ manifests: [file], cwd: dir, out, emit: ['manifest', 'server', 'client'] })
              : await generate({ manifests: [file], cwd: dir, out, emit: ['manifest', 'server'], mode: 'dry-run' });
            checkDiagnostics(result.diagnostics, i);
            const ext = json ? 'json' : 'yaml';
            if (result.exitCode !== 0) {
              figures.generateFailures++;
              keep(file, i, ext);
              fail('lint-clean manifest failed generate', i, result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code + ' ' + d.message).join('; '));
            } else {
              figures.generated++;
              if (typecheck) {
                // The manifest is rewritten by the next case: keep a copy beside its package.
                const manifest = join(out, `fuzz-case.${ext}`);
                copyFileSync(file, manifest);
                pending.push({ caseIndex: i, dir: out, manifest, ext });
              }
            }
          } catch (err) {
            figures.generateFailures++;
            if (!(err instanceof McpgenError)) figures.crashes++;
            fail(err instanceof McpgenError ? 'generate error' : 'crash in generate', i, err instanceof McpgenError ? err.message : ((err as Error)?.stack ?? String(err)));
          }
        }
      }
      if (Date.now() - started > HANG_MS) {
        figures.hangs++;
        fail('hang', i, `${Date.now() - started} ms`);
      }
      // After the hang check: a batch's tsc run is not this case's time.
      if (pending.length >= TYPECHECK_BATCH) checkPending();
      if (options.log && (i + 1) % 100 === 0) options.log(`${i + 1} cases, ${figures.crashes} crashes, ${figures.hangs} hangs, ${figures.unlocated} unlocated, ${figures.generateFailures} generate failures, ${figures.typecheckFailures} typecheck failures\n`);
    }
    checkPending();
  } finally {
    process.off('warning', onWarning);
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  process.env.MCPGEN_SPEC_DIR ??= resolve(packageRoot(), '..', 'shared', 'mcp-spec');
  const figures = await fuzz({ count: arg('count', 300), seed: arg('seed', 1), generateEvery: arg('generate-every', 1), typecheck: !args.includes('--no-typecheck'), log: (s) => process.stderr.write(s) });
  const { failures, ...counts } = figures;
  process.stdout.write(JSON.stringify(counts, null, 2) + '\n');
  for (const f of failures) process.stdout.write(f + '\n');
  process.exitCode = figures.crashes || figures.hangs || figures.unlocated || figures.generateFailures || figures.typecheckFailures || figures.warnings ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
