/**
 * Parses YAML or JSON text into plain data plus a SourceMap. JSON goes through
 * the same YAML 1.2 parser (JSON is a subset), so both get identical positions
 * and errors; well-formed JSON first tries a fast path that records the same
 * positions (large generated manifests). YAML 1.2 keeps `2025-11-25` a string
 * and `yes` a string.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from './json-pointer.js';
import { parseJsonFast } from './parse-json-fast.js';
import { SourceMap } from './source-map.js';

export interface ParsedDocument {
  value: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

export function parseYamlOrJson(text: string, file: string): ParsedDocument {
  if (/^\s*[{[]/.test(text)) {
    const fast = parseJsonFast(text, file);
    if (fast) return { ...fast, diagnostics: [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const sourceMap = new SourceMap();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const err of doc.errors) {
    const start = at(err.pos[0]);
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

  const visit = (node: Node | null | undefined, pointer: string, keyNode?: unknown): void => {
    if (!node) return;
    const range = node.range;
    if (range) {
      const start = at(range[0]);
      const end = at(range[1]);
      const key = keyNode && isScalar(keyNode) && keyNode.range ? at(keyNode.range[0]) : undefined;
      sourceMap.set(pointer, {
        file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        ...(key ? { keyLine: key.line, keyColumn: key.column } : {}),
      });
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
