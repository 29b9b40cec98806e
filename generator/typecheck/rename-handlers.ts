/**
 * The `renamedFrom` codemod: a tool renamed in the manifest keeps its
 * handler. The user's handler file moves to the new identifier's path, every
 * user file that imports it is updated, and the generated types it names
 * (`GetAlertsHandler`, `GetAlertsInput`, ...) are renamed where the user's
 * code uses them; the generated layer is left alone (the next `generate`
 * rewrites it). ts-morph does the reading and rewriting; it is loaded only
 * here. Files are written atomically; nothing under src/generated/ is written.
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { handlerPath } from '../emit/server/paths.js';
import { NameScope } from '../ir/naming.js';
import type { Manifest } from '../load/manifest-types.js';
import { displayPath } from '../load/display-path.js';
import { writeFileAtomic } from '../output/atomic-write.js';

interface Names {
  identifier: string;
  typeName: string;
}

/**
 * Tool identifiers and type names as build-ir.ts hands them out: one scope
 * for all kinds, tools first, in declaration order (collisions get suffixes,
 * so the other items matter).
 */
function toolNames(manifest: Manifest, nameOf: (tool: Manifest['tools'][number]) => string): Names[] {
  const values = new NameScope();
  const types = new NameScope();
  return manifest.tools.map((t, i) => ({
    identifier: values.claim(nameOf(t), 'camel', `tool${i + 1}`),
    typeName: types.claim(nameOf(t), 'pascal', `Tool${i + 1}`),
  }));
}

/**
 * Whether a handler file is the stub `generate` wrote for the new name (the
 * user ran generate before migrate) and nobody edited it: its only code is
 * the "not implemented yet" answer naming this very file.
 */
function isUneditedStub(text: string, path: string): boolean {
  const code = text.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
  return code.includes(`is not implemented yet (edit ${path}).`) && (code.match(/\bexport\b/g) ?? []).length === 1 && code.length < 600;
}

/** The handler identifier of each tool, as generate names them. */
export function toolIdentifiers(manifest: Manifest): string[] {
  return toolNames(manifest, (t) => t.name).map((n) => n.identifier);
}

const TYPE_SUFFIXES = ['Handler', 'Input', 'Output'];

/** Renames the handlers of tools that declare `renamedFrom`; returns what was done, as diagnostics. */
export async function renameHandlers(manifest: Manifest, packageDir: string, cwd?: string): Promise<Diagnostic[]> {
  const renamed = manifest.tools.map((t, i) => ({ t, i })).filter(({ t }) => typeof t.renamedFrom === 'string' && t.renamedFrom !== t.name);
  if (!renamed.length) return [];
  const tsconfig = join(packageDir, 'tsconfig.json');
  if (!existsSync(tsconfig)) {
    return [{ code: 'migrate/handler-not-renamed', severity: 'error', message: `${displayPath(packageDir, cwd)} has no tsconfig.json: it is not a generated server package.` }];
  }
  const now = toolNames(manifest, (t) => t.name);
  const before = toolNames(manifest, (t) => (typeof t.renamedFrom === 'string' ? t.renamedFrom : t.name));
  const { Project, SyntaxKind } = await import('ts-morph');
  const project = new Project({ tsConfigFilePath: tsconfig });
  const generatedDir = join(packageDir, 'src', 'generated') + sep;
  const out: Diagnostic[] = [];
  const moved: string[] = [];

  for (const { t, i } of renamed) {
    const oldRel = handlerPath('tools', before[i]!.identifier);
    const newRel = handlerPath('tools', now[i]!.identifier);
    const label = `tool "${t.name}" (renamed from "${t.renamedFrom}")`;
    const oldFile = join(packageDir, oldRel);
    const newFile = join(packageDir, newRel);
    if (oldRel === newRel) continue;
    if (!existsSync(oldFile)) {
      if (!existsSync(newFile)) out.push({ code: 'migrate/handler-not-renamed', severity: 'warning', message: `${label}: no handler at ${oldRel} to rename; the next generate creates a stub at ${newRel}.` });
      continue;
    }
    const replacesStub = existsSync(newFile) && isUneditedStub(readFileSync(newFile, 'utf8'), newRel);
    if (existsSync(newFile) && !replacesStub) {
      out.push({ code: 'migrate/handler-not-renamed', severity: 'error', message: `${label}: both ${oldRel} and ${newRel} exist; merge them by hand.`, location: { file: displayPath(oldFile, cwd), line: 1, column: 1 } });
      continue;
    }
    const sf = project.getSourceFile(oldFile) ?? project.addSourceFileAtPath(oldFile);
    const userFiles = project.getSourceFiles().filter((f) => !f.getFilePath().startsWith(generatedDir) && !f.getFilePath().split(sep).includes('node_modules'));
    const oldBase = `/${before[i]!.identifier}.js`;
    const newBase = `/${now[i]!.identifier}.js`;
    for (const f of userFiles) {
      // Imports of the moved file: only the file name changes (the folder stays), and NodeNext's `.js` is kept.
      for (const decl of [...f.getImportDeclarations(), ...f.getExportDeclarations()]) {
        if (decl.getModuleSpecifierSourceFile() !== sf) continue;
        const spec = decl.getModuleSpecifierValue();
        if (spec?.endsWith(oldBase)) decl.setModuleSpecifier(spec.slice(0, -oldBase.length) + newBase);
      }
      // Generated type names (GetAlertsHandler, GetAlertsInput, ...) imported from the generated layer.
      for (const decl of f.getImportDeclarations()) {
        if (!/\/generated\/[^/]+\.js$/.test(decl.getModuleSpecifierValue())) continue;
        for (const named of decl.getNamedImports()) {
          const suffix = TYPE_SUFFIXES.find((x) => named.getName() === before[i]!.typeName + x);
          if (!suffix) continue;
          const to = now[i]!.typeName + suffix;
          const from = named.getName();
          if (named.getAliasNode()) named.setName(to);
          else for (const id of f.getDescendantsOfKind(SyntaxKind.Identifier)) if (id.getText() === from) id.replaceWithText(to);
        }
      }
    }
    const text = sf
      .getFullText()
      .split(`Tool "${t.renamedFrom}"`)
      .join(`Tool "${t.name}"`)
      .split(oldRel)
      .join(newRel);
    project.createSourceFile(newFile, text, { overwrite: true });
    project.removeSourceFile(sf);
    moved.push(oldFile);
    out.push({
      code: 'migrate/handler-renamed',
      severity: 'info',
      message: `${label}: handler moved from ${oldRel} to ${newRel}${replacesStub ? ' (replacing the unedited stub generated there)' : ''}; ${before[i]!.typeName}Handler is now ${now[i]!.typeName}Handler.`,
      location: { file: displayPath(newFile, cwd), line: 1, column: 1 },
    });
  }

  for (const file of project.getSourceFiles()) {
    const path = file.getFilePath();
    if (file.isSaved() || path.startsWith(generatedDir) || path.split(sep).includes('node_modules')) continue;
    if (!relative(packageDir, path).startsWith('src' + sep)) continue;
    writeFileAtomic(path, file.getFullText());
  }
  for (const old of moved) if (existsSync(old)) unlinkSync(old);
  return out;
}
