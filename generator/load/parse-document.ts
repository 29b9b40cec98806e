/**
 * Parses YAML or JSON text into plain data plus a SourceMap. JSON goes through
 * the same YAML 1.2 parser (JSON is a subset), so both get identical positions
 * and errors. YAML 1.2 keeps `2025-11-25` a string and `yes` a string.
 */
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from './json-pointer.js';
import { countJsonKeys, parseJson, scanJsonPositions, scanJsonShape } from './json-positions.js';
import { SourceMap, SourceText } from './source-map.js';

/**
 * How deep a document may nest (mappings and sequences). Real manifests stay
 * far below; every later walker (lint, IR, emitters, Ajv, prettier) can then
 * recurse safely. Deeper input is `load/too-deep` at the node that crosses it.
 */
export const MAX_DEPTH = 128;

/**
 * The yaml package, loaded on first use: clean JSON never needs it, and
 * loading it is a sizeable part of linting a JSON manifest. (Its `node`
 * entry is CommonJS, so `require` gives the very module `import` would.)
 */
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'));
const isAlias = (n: unknown): n is import('yaml').Alias => yaml().isAlias(n);
const isMap = (n: unknown): n is import('yaml').YAMLMap => yaml().isMap(n);
const isScalar = (n: unknown): n is import('yaml').Scalar => yaml().isScalar(n);
const isSeq = (n: unknown): n is import('yaml').YAMLSeq => yaml().isSeq(n);

export interface ParsedDocument {
  value: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
  /** Known when parsing: no object in `value` has a `$ref` naming a file, so no file reference is to be resolved. */
  noFileRefs?: true;
}

export function parseYamlOrJson(text: string, file: string): ParsedDocument {
  const fast = parseCleanJson(text, file);
  if (fast) return fast;
  const flowDeep = flowDepthOffset(text);
  if (flowDeep >= 0) return tooDeep(text, file, flowDeep);
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const sourceMap = new SourceMap();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const err of doc.errors) {
    if (/call stack/i.test(err.message)) return tooDeep(text, file, blockDepthOffset(text));
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

  // Depth first (cheap, no pointers); positions are recorded when first asked for (source-map.ts).
  const deepAt = deepOffset(doc.contents as Node | null, 0);
  if (deepAt !== undefined) return tooDeep(text, file, deepAt);
  const root = doc.contents as Node | null;
  const lazyMap = SourceMap.lazy((map) => {
    const source = new SourceText(file, text);
    const visit = (node: Node | null | undefined, pointer: string, keyNode?: unknown): void => {
      if (!node) return;
      const range = node.range;
      if (range) {
        const keyStart = keyNode && isScalar(keyNode) && keyNode.range ? keyNode.range[0] : undefined;
        map.set(pointer, keyStart === undefined ? { source, start: range[0], end: range[1] } : { source, start: range[0], end: range[1], keyStart });
      }
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          visit(pair.value as Node | null, joinPointer(pointer, k), pair.key);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item as Node, joinPointer(pointer, i)));
      }
      // An alias is located where it is written; positions inside the anchored node stay with the anchor.
    };
    visit(root, '');
  });

  // A key that is a sequence, a mapping or an alias cannot be a JSON key:
  // the yaml package would stringify it and print a warning to the console.
  const complexKey = complexKeyOffset(root, 0);
  if (complexKey !== undefined) {
    diagnostics.push({
      code: 'load/complex-key',
      severity: 'error',
      message: 'A mapping key must be plain text (or a number), not a list, a mapping, an alias or a tagged value such as !!binary.',
      hint: 'Write the key as text, e.g. `name:`; YAML "? [a, b]" keys have no JSON form.',
      location: { file, ...at(complexKey) },
    });
    return { value: undefined, sourceMap: lazyMap, diagnostics };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const bomb = /alias/i.test((err as Error).message) ? aliasBombOffset(doc) : undefined;
    diagnostics.push({
      code: bomb !== undefined ? 'load/alias-bomb' : 'load/yaml-syntax',
      severity: 'error',
      message:
        bomb !== undefined
          ? 'This alias expands to too many nodes (a YAML "billion laughs" document); it was not expanded.'
          : firstLine((err as Error).message),
      hint: bomb !== undefined ? 'Write the repeated content out, or reference it fewer times.' : undefined,
      location: { file, ...at(bomb ?? 0) },
    });
  }
  return { value, sourceMap: lazyMap, diagnostics };
}

const MAX_ALIAS_COUNT = 100;

/** The offset of the first mapping key (document order) that is not a plain scalar; depth is already bounded. */
function complexKeyOffset(node: Node | null | undefined, depth: number): number | undefined {
  if (!node || depth > 10_000) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null | undefined;
      // A tagged scalar can hold an object too (`? !!binary aGk= : 1` is a byte array).
      const plain = key === null || key === undefined || (isScalar(key) && (typeof key.value !== 'object' || key.value === null));
      if (!plain) return key.range?.[0] ?? node.range?.[0] ?? 0;
      const inner = complexKeyOffset(pair.value as Node | null, depth + 1);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = complexKeyOffset(item as Node, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** The offset of the first node (document order) nested deeper than MAX_DEPTH, as the position visit met it. */
function deepOffset(node: Node | null | undefined, depth: number): number | undefined {
  if (!node) return undefined;
  if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
  if (isMap(node)) {
    for (const pair of node.items) {
      const at = deepOffset(pair.value as Node | null, depth + 1);
      if (at !== undefined) return at;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const at = deepOffset(item as Node, depth + 1);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

/**
 * Where yaml's alias limit trips: it counts, per anchor, uses × aliases
 * inside the anchored node. Replayed here in document order so the error
 * points at the alias that crosses the limit.
 */
function aliasBombOffset(doc: Document): number | undefined {
  const anchors = new Map<string, Node>();
  const inner = new Map<Node, number>();
  const uses = new Map<Node, number>();
  const aliasesIn = (node: unknown, depth = 0): number => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return 0;
    const n = node as Node;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      return 1 + (target ? (inner.get(target) ?? 0) : 0);
    }
    let count = 0;
    if (isMap(n)) for (const p of n.items) count += aliasesIn(p.key, depth + 1) + aliasesIn(p.value, depth + 1);
    else if (isSeq(n)) for (const item of n.items) count += aliasesIn(item, depth + 1);
    return count;
  };
  let found: number | undefined;
  const walk = (node: unknown, depth = 0): void => {
    if (found !== undefined || !node || typeof node !== 'object' || depth > MAX_DEPTH) return;
    const n = node as Node;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) return;
      const used = (uses.get(target) ?? 0) + 1;
      uses.set(target, used);
      if (used * Math.max(1, inner.get(target) ?? 0) > MAX_ALIAS_COUNT) found = n.range?.[0];
      return;
    }
    if (isMap(n)) for (const p of n.items) walk(p.key, depth + 1), walk(p.value, depth + 1);
    else if (isSeq(n)) for (const item of n.items) walk(item, depth + 1);
    if ('anchor' in n && typeof n.anchor === 'string' && n.anchor) {
      anchors.set(n.anchor, n);
      inner.set(n, aliasesIn(n));
    }
  };
  walk(doc.contents);
  return found ?? firstAliasOffset(doc.contents, 0);
}

function firstAliasOffset(node: unknown, depth: number): number | undefined {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return undefined;
  const n = node as Node;
  if (isAlias(n)) return n.range?.[0];
  const children = isMap(n) ? n.items.flatMap((p) => [p.key, p.value]) : isSeq(n) ? n.items : [];
  for (const c of children) {
    const at = firstAliasOffset(c, depth + 1);
    if (at !== undefined) return at;
  }
  return undefined;
}

function tooDeep(text: string, file: string, offset: number): ParsedDocument {
  const source = new SourceText(file, text);
  return {
    value: undefined,
    sourceMap: new SourceMap(),
    diagnostics: [
      {
        code: 'load/too-deep',
        severity: 'error',
        message: `The document nests deeper than ${MAX_DEPTH} levels here.`,
        hint: 'No manifest or schema needs this depth; flatten it, or move shared parts to $defs and $ref them.',
        location: { file, ...source.position(offset) },
      },
    ],
  };
}

/**
 * Offset where JSON-style brackets (`[`, `{`) first nest deeper than
 * MAX_DEPTH, skipping quoted strings and comments; -1 when they never do.
 * Linear, and run before any recursive parser sees the text.
 */
export function flowDepthOffset(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x27 /* ' */ && i > 0 && /[\s\[{,:]/.test(text[i - 1]!)) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x27; i++);
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/**
 * Best guess of where block YAML nests too deep, for when the parser itself
 * ran out of stack: the first line whose indentation plus compact `- ` items
 * exceeds the limit, else the deepest line.
 */
function blockDepthOffset(text: string): number {
  let best = 0;
  let bestScore = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^([ -]*)/.exec(line)!;
    const score = m[1]!.length;
    if (score > bestScore) {
      bestScore = score;
      best = offset + Math.min(score, MAX_DEPTH * 2);
    }
    offset += line.length + 1;
  }
  return best;
}

/**
 * The fast path: text that is clean JSON (no syntax error, no duplicate key)
 * is parsed natively and scanned once for positions. Anything else goes to
 * the YAML parser, which also produces the error messages.
 */
function parseCleanJson(text: string, file: string): ParsedDocument | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  const parsed = parseJson(text, MAX_DEPTH);
  if (!parsed) return undefined;
  const { value, facts } = parsed;
  // The usual case, answered natively (jsonIsClean); when it is not sure, the character scan decides.
  if (parsed.clean) {
    return {
      value,
      sourceMap: SourceMap.lazy((map) => scanJsonPositions(text, file, map, MAX_DEPTH)),
      diagnostics: [],
      ...(facts.fileRef ? {} : { noFileRefs: true as const }),
    };
  }
  const shape = scanJsonShape(text, MAX_DEPTH);
  if (shape.deepAt === undefined && shape.keys === countJsonKeys(value)) {
    // No duplicate key and nothing too deep: positions are scanned when first asked for.
    return { value, sourceMap: SourceMap.lazy((map) => scanJsonPositions(text, file, map, MAX_DEPTH)), diagnostics: [] };
  }
  // Whichever of a duplicate key or too-deep node comes first decides, as before.
  const sourceMap = new SourceMap();
  const scanned = scanJsonPositions(text, file, sourceMap, MAX_DEPTH);
  if (typeof scanned === 'number') return tooDeep(text, file, scanned);
  if (!scanned) return undefined;
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
