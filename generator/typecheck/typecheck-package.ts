/**
 * Typechecks a generated server package, the user's handlers included,
 * in-process with ts-morph (loaded here, lazily: only `check` and `generate
 * --typecheck` pay for TypeScript). Each error becomes an mcpgen diagnostic
 * at the user's `file:line:col`, naming the manifest item it concerns and
 * where the manifest declares it. An error the generated layer reports
 * (`satisfies Handlers` in src/generated/handlers.ts) is moved to the
 * handler file it is about, since that is the file the user edits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/display-path.js';
import type { PackageItem, PackageItems } from './item-map.js';

export interface TypecheckOptions {
  /** The generated package (holds tsconfig.json). */
  packageDir: string;
  items: PackageItems;
  cwd?: string;
}

export interface TypecheckResult {
  diagnostics: Diagnostic[];
  /** The package's dependencies are not installed: nothing could be checked. */
  missingDependencies: boolean;
  filesChecked: number;
}

const at = (l?: SourceLocation) => (l ? `${l.file}:${l.line}:${l.column}` : 'the manifest');

function handlerDeclaration(packageDir: string, item: PackageItem): { line: number; column: number } {
  try {
    const lines = readFileSync(join(packageDir, item.handlerFile), 'utf8').split('\n');
    const i = lines.findIndex((l) => /export\s+(const|function|async function)\s+handler\b/.test(l));
    if (i >= 0) return { line: i + 1, column: lines[i]!.indexOf('handler') + 1 };
  } catch {
    // The handler file is missing: point at its first line.
  }
  return { line: 1, column: 1 };
}

export async function typecheckPackage(options: TypecheckOptions): Promise<TypecheckResult> {
  const { packageDir, items } = options;
  const tsconfig = join(packageDir, 'tsconfig.json');
  if (!existsSync(tsconfig)) {
    return {
      diagnostics: [{ code: 'typecheck/no-package', severity: 'error', message: `${displayPath(packageDir, options.cwd)} has no tsconfig.json: it is not a generated server package.`, hint: 'Generate one with `mcpgen generate --emit server --out DIR`.' }],
      missingDependencies: true,
      filesChecked: 0,
    };
  }
  const { Project, ts } = await import('ts-morph');
  const project = new Project({ tsConfigFilePath: tsconfig });
  const diagnostics: Diagnostic[] = [];
  let missingDependencies = false;
  for (const d of project.getPreEmitDiagnostics()) {
    const text = ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n');
    if (d.getCode() === 2307 && /@modelcontextprotocol\//.test(text)) {
      missingDependencies = true;
      continue;
    }
    const sf = d.getSourceFile();
    const file = sf?.getFilePath();
    const rel = file ? relative(packageDir, file).split(sep).join('/') : undefined;
    let pos = sf && d.getStart() !== undefined ? sf.getLineAndColumnAtPos(d.getStart()!) : { line: 1, column: 1 };
    let shownFile = file ? displayPath(file, options.cwd) : undefined;
    let item = rel ? items.forFile(rel) : undefined;
    let via = '';
    if (!item && rel === 'src/generated/handlers.ts' && sf) {
      item = items.forGeneratedLine(sf.getFullText().split('\n')[pos.line - 1] ?? '');
      if (item) {
        via = ` (reported in src/generated/handlers.ts:${pos.line}:${pos.column})`;
        shownFile = displayPath(join(packageDir, item.handlerFile), options.cwd);
        pos = handlerDeclaration(packageDir, item);
      }
    }
    const [first, ...rest] = text.split('\n');
    const concerning = item
      ? `${item.label} (${at(item.manifestLocation)})`
      : rel?.startsWith('src/handlers/')
        ? `${rel} (no manifest item has this handler: was it removed or renamed? Declare renamedFrom to keep it)`
        : (rel ?? 'the package');
    diagnostics.push({
      code: 'typecheck/error',
      severity: d.getCategory() === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      message: `${concerning}: TS${d.getCode()}: ${first}${via}`,
      ...(rest.length ? { hint: rest.map((l) => l.trim()).join(' ') } : {}),
      ...(shownFile ? { location: { file: shownFile, line: pos.line, column: pos.column } } : {}),
    });
  }
  if (missingDependencies) {
    // Every other error is a consequence; report the cause alone.
    diagnostics.length = 0;
    diagnostics.push({
      code: 'typecheck/dependencies-missing',
      severity: 'error',
      message: `The package's dependencies are not installed, so its code cannot be typechecked.`,
      hint: `Run \`npm install\` in ${displayPath(packageDir, options.cwd)} first.`,
    });
  }
  return { diagnostics, missingDependencies, filesChecked: project.getSourceFiles().length };
}
