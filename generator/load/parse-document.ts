/**
 * Parses YAML or JSON text into plain data plus a SourceMap. JSON goes through
 * the same YAML 1.2 parser (JSON is a subset), so both get identical positions
 * and errors. YAML 1.2 keeps `2025-11-25` a string and `yes` a string.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from './json-pointer.js';
import { scanJsonPositions } from './json-positions.js';
import { SourceMap, SourceText } from './source-map.js';

export interface ParsedDocument {
  value: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

export function parseYamlOrJson(text: string, file: string): ParsedDocument {
  const fast = parseCleanJson(text, file);
  if (fast) return fast;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const sourceMap = new SourceMap();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const err of doc.errors) {
    const start = at(errorOffset(text, err.code, err.message, err.pos[0]));
    const duplicate = err.code === 'DUPLICATE_KEY';
    diagnostics.push({
      code: duplicate ? 'load/duplicate-key' : 'load/yaml-syntax',
      severity: 'error',
      message: firstLine(err.message),
      hint: duplicate ? 'Each key may appear once per mapping.' : undefined,
      location: { file, ...start },
    });
  }
  if (diagnostics.length) return { value: undefined, sourceMap, diagnostics };

  const source = new SourceText(file, text);
  const visit = (node: Node | null | undefined, pointer: string, keyNode?: unknown): void => {
    if (!node) return;
    const range = node.range;
    if (range) {
      const keyStart = keyNode && isScalar(keyNode) && keyNode.range ? keyNode.range[0] : undefined;
      sourceMap.set(pointer, keyStart === undefined ? { source, start: range[0], end: range[1] } : { source, start: range[0], end: range[1], keyStart });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node | null, joinPointer(pointer, k), pair.key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, joinPointer(pointer, i)));
    } else if (isAlias(node)) {
      // Positions inside the anchored node stay with the anchor; the alias
      // itself is located where it is written.
    }
  };
  visit(doc.contents as Node | null, '');

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    diagnostics.push({
      code: 'load/yaml-syntax',
      severity: 'error',
      message: firstLine((err as Error).message),
      location: { file, line: 1, column: 1 },
    });
  }
  return { value, sourceMap, diagnostics };
}

/**
 * The fast path: text that is clean JSON (no syntax error, no duplicate key)
 * is parsed natively and scanned once for positions. Anything else goes to
 * the YAML parser, which also produces the error messages.
 */
function parseCleanJson(text: string, file: string): ParsedDocument | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sourceMap = new SourceMap();
  if (!scanJsonPositions(text, file, sourceMap)) return undefined;
  return { value, sourceMap, diagnostics: [] };
}

/**
 * Where to point for an error. yaml reports an unterminated quoted string at
 * the end of the input; the opening quote is where the user must look.
 */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const quote = /'/.test(message.replace(/"quote/, '')) && !/"/.test(message) ? "'" : '"';
    const opening = text.lastIndexOf(quote, Math.max(0, offset - 1));
    if (opening >= 0) return opening;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
