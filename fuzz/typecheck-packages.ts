/**
 * Typechecks the packages the fuzzer generated, in batches: one tsc program
 * over many packages, because one `tsc -p` per package would spend seconds
 * per case loading the SDK's types again. Every package is compiled with the
 * options of the tsconfig it was generated with (all generated tsconfigs
 * share them; a package whose options differ is compiled on its own), and
 * each error is attributed to its case by path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../generator/package-root.js';

export interface PackageToCheck {
  /** The fuzz case the package was generated from. */
  caseIndex: number;
  /** Folder holding the generated output (one or more packages with a tsconfig.json each). */
  dir: string;
}

export interface TypecheckFailure {
  caseIndex: number;
  /** The first lines tsc printed for this case. */
  errors: string;
}

/** The package folders (those with a tsconfig.json) under a generated output folder. */
function packagesUnder(dir: string): string[] {
  if (existsSync(join(dir, 'tsconfig.json'))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'tsconfig.json')))
    .map((e) => join(dir, e.name));
}

interface CompilerOptionsFile {
  compilerOptions?: Record<string, unknown>;
  include?: string[];
}

/** The options that decide whether code compiles; where output goes does not. */
function checkingOptions(tsconfig: string): string {
  const { compilerOptions = {} } = JSON.parse(readFileSync(tsconfig, 'utf8')) as CompilerOptionsFile;
  const { rootDir: _rootDir, outDir: _outDir, ...rest } = compilerOptions;
  return JSON.stringify(rest);
}

/**
 * Runs tsc over `packages` (whose folders are under `root`), grouping those
 * with identical options into one program. `root` gets a node_modules link to
 * mcpgen's own, so the SDK and @types/node resolve as in the samples.
 */
export function typecheckPackages(root: string, packages: PackageToCheck[]): TypecheckFailure[] {
  if (!packages.length) return [];
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(packageRoot(), 'node_modules'), modules, 'junction');
  interface Group {
    options: Record<string, unknown>;
    include: string[];
    /** Package folder (relative to root) → its case. */
    cases: Map<string, number>;
  }
  const groups = new Map<string, Group>();
  for (const p of packages) {
    for (const pkg of packagesUnder(p.dir)) {
      const key = checkingOptions(join(pkg, 'tsconfig.json'));
      const group: Group = groups.get(key) ?? { options: JSON.parse(key) as Record<string, unknown>, include: [], cases: new Map() };
      const folder = relative(root, pkg).split(sep).join('/');
      group.include.push(`${folder}/src/**/*.ts`);
      group.cases.set(folder, p.caseIndex);
      groups.set(key, group);
    }
  }
  const failures = new Map<number, string[]>();
  let n = 0;
  for (const group of groups.values()) {
    const tsconfig = join(root, `tsconfig.fuzz-${n++}.json`);
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...group.options, noEmit: true }, include: group.include }, null, 2));
    const tsc = join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], { cwd: root, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status === 0) continue;
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    if (!lines.length) lines.push(`tsc exited with ${r.status ?? r.signal}`);
    for (const line of lines) {
      const folder = [...group.cases.keys()].find((f) => line.startsWith(`${f}/`));
      // An error outside every package (options, tsc itself) is charged to each case of the group.
      const cases = folder === undefined ? [...group.cases.values()] : [group.cases.get(folder)!];
      for (const c of cases) {
        const list = failures.get(c) ?? [];
        if (list.length < 5) list.push(line);
        failures.set(c, list);
      }
    }
  }
  return [...failures].sort(([a], [b]) => a - b).map(([caseIndex, errors]) => ({ caseIndex, errors: errors.join('\n') }));
}
