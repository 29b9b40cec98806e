/**
 * Result-shape codemod for going below 2025-06-18, where tool results have
 * no `structuredContent`: a handler that returns an object literal with
 * `structuredContent` and no `content` gets `content: [{ type: 'text', text:
 * JSON.stringify(<the value>) }]` instead, which is exactly what clients of
 * the newer revision saw as the text copy. The value expression is moved,
 * not duplicated, so it is evaluated once as before. Anything else (a spread
 * in the literal, a returned variable, a literal that already has content)
 * is reported for a human, never guessed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { handlerPath } from '../emit/server/paths.js';
import { displayPath } from '../load/display-path.js';
import { writeFileAtomic } from '../output/atomic-write.js';

export interface ResultShapeTarget {
  /** The tool's handler identifier (file name). */
  identifier: string;
  /** `tool "get_forecast"`. */
  label: string;
}

export interface ResultShapeOutcome {
  diagnostics: Diagnostic[];
  /** Labels of the tools whose every structuredContent return was rewritten. */
  done: Set<string>;
}

export async function rewriteStructuredResults(packageDir: string, targets: ResultShapeTarget[], cwd?: string): Promise<ResultShapeOutcome> {
  const outcome: ResultShapeOutcome = { diagnostics: [], done: new Set() };
  if (!targets.length) return outcome;
  const { Project, SyntaxKind, Node } = await import('ts-morph');
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  for (const target of targets) {
    const file = join(packageDir, handlerPath('tools', target.identifier));
    if (!existsSync(file)) continue;
    const sf = project.addSourceFileAtPath(file);
    const shown = displayPath(file, cwd);
    let rewritten = 0;
    let left = 0;
    const splices: { start: number; end: number; text: string }[] = [];
    for (const lit of sf.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression)) {
      const prop = lit.getProperty('structuredContent');
      if (!prop) continue;
      const pos = sf.getLineAndColumnAtPos(lit.getStart());
      const where = { file: shown, line: pos.line, column: pos.column };
      const unsafe = lit.getProperty('content') || lit.getProperties().some((p) => Node.isSpreadAssignment(p));
      let value: string | undefined;
      if (Node.isPropertyAssignment(prop)) value = prop.getInitializer()?.getText();
      else if (Node.isShorthandPropertyAssignment(prop)) value = prop.getName();
      if (unsafe || value === undefined) {
        left++;
        outcome.diagnostics.push({
          code: 'migrate/requires-input',
          severity: 'warning',
          message: `${target.label}: this result has structuredContent, which the target revision lacks; it ${unsafe ? 'also has content or a spread' : 'is not a plain property'}, so it is left for you.`,
          hint: 'Return content blocks instead (for example a text block with the JSON).',
          location: where,
        });
        continue;
      }
      // A text splice of just this property: the rest of the file keeps its bytes.
      splices.push({ start: prop.getStart(), end: prop.getEnd(), text: `content: [{ type: 'text', text: JSON.stringify(${value}) }]` });
      rewritten++;
      outcome.diagnostics.push({
        code: 'migrate/handler-rewritten',
        severity: 'info',
        message: `${target.label}: structuredContent returned as a JSON text content block (the target revision has no structuredContent).`,
        location: where,
      });
    }
    let text = sf.getFullText();
    let floor = Infinity;
    for (const sp of splices.sort((a, b) => b.start - a.start)) {
      if (sp.end > floor) continue; // nested inside a property already rewritten: its text moved with it
      text = text.slice(0, sp.start) + sp.text + text.slice(sp.end);
      floor = sp.start;
    }
    if (rewritten) writeFileAtomic(file, text);
    if (rewritten && !left) outcome.done.add(target.label);
  }
  return outcome;
}
