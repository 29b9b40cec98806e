/**
 * `generate --watch` reads the manifest again after every save, and a save
 * usually changes a few of its tools. For a JSON manifest read before in
 * this process, the new text is compared with the last one: when what
 * changed lies inside the `tools` array, only the elements it touches are
 * parsed, and every other element is the last parse's very object (so the
 * later stages find it unchanged by identity, pipeline/reuse-unchanged.ts).
 * Parsing a 1,000-tool manifest whole, and comparing each new tool with the
 * last, cost a fifth of a watch run.
 *
 * Only for what the fast JSON path of parse-document.ts accepts (no
 * duplicate key, nothing too deep, no file `$ref`, which loading would
 * inline into the objects), and while no plug-in emitter may have changed
 * the objects (run-memos.ts generation). Anything else, or anything
 * unexpected in the new text, parses the whole text as before: that path
 * also reports every error.
 */
import { parseJson, scanJsonPositions } from './json-positions.js';
import { isSpace, listSpans, rootArraySpans, skipSpace, type ArraySpans } from './json-array-spans.js';
import { MAX_DEPTH, parseYamlOrJson, type ParsedDocument } from './parse-document.js';
import { SourceMap } from './source-map.js';
import { objectMemoGeneration, runMemosKept } from '../pipeline/run-memos.js';

interface KeptParse {
  text: string;
  root: Record<string, unknown>;
  tools: ArraySpans;
  generation: number;
}

/** The last parse of each manifest file (by absolute path) that can be built on. */
const kept = new Map<string, KeptParse>();

/** How the last call parsed (test/load/json-reparse.test.ts). */
export const reparseStats = { partial: false, parsedItems: 0 };

export function parseManifestText(path: string, text: string, shown: string): ParsedDocument {
  reparseStats.partial = false;
  reparseStats.parsedItems = 0;
  if (!runMemosKept()) {
    kept.clear();
    return parseYamlOrJson(text, shown);
  }
  const before = kept.get(path);
  kept.delete(path);
  const partial = before && before.generation === objectMemoGeneration() ? reparse(before, text, shown) : undefined;
  if (partial) {
    kept.set(path, partial.keep);
    reparseStats.partial = true;
    return partial.parsed;
  }
  const parsed = parseYamlOrJson(text, shown);
  const root = parsed.value;
  if (parsed.diagnostics.length === 0 && parsed.noFileRefs && isPlainObject(root) && Array.isArray(root.tools)) {
    const tools = rootArraySpans(text, 'tools');
    if (tools && tools.items.length === 2 * root.tools.length) kept.set(path, { text, root, tools, generation: objectMemoGeneration() });
  }
  return parsed;
}

function reparse(before: KeptParse, text: string, shown: string): { parsed: ParsedDocument; keep: KeptParse } | undefined {
  const old = before.text;
  const oldTools = before.root.tools as unknown[];
  const { open, close, items } = before.tools;
  const count = items.length / 2;
  if (oldTools.length !== count) return undefined;
  if (text === old) return { parsed: document(before.root, text, shown), keep: before };

  const prefix = commonPrefix(old, text);
  // The change must lie between the array's brackets, both of which are in unchanged text.
  if (open >= prefix) return undefined;
  // Elements wholly before the change and wholly after it are the same text; the ones between are parsed again.
  let first = 0;
  while (first < count && items[2 * first + 1]! <= prefix) first++;
  const regionStart = first > 0 ? items[2 * first - 1]! : open + 1;
  // The unchanged end is looked for back to the last kept element (not to where the texts first differ, which may lie
  // inside the next element: a tool put in front of another starts like it).
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - regionStart);
  if (close < old.length - suffix) return undefined;
  const delta = text.length - old.length;
  let last = count - 1;
  while (last >= first && items[2 * last]! >= old.length - suffix) last--;
  const regionEnd = (last + 1 < count ? items[2 * (last + 1)]! : close) + delta;
  if (regionEnd < regionStart) return undefined;

  // Between the kept elements: separators and the new elements. A comma follows a kept element before them and one
  // precedes a kept element after them; with no new element, one comma between two kept ones, or none.
  let a = skipSpace(text, regionStart);
  let b = regionEnd;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const keptBefore = first > 0;
  const keptAfter = last + 1 < count;
  let body: string;
  if (a === b) {
    if (keptBefore && keptAfter) return undefined;
    body = '[]';
  } else if (keptBefore && keptAfter && b - a === 1 && text.charCodeAt(a) === 0x2c) {
    body = '[]';
  } else {
    if (keptBefore) {
      if (text.charCodeAt(a) !== 0x2c) return undefined;
      a = skipSpace(text, a + 1);
    }
    if (keptAfter) {
      if (b <= a || text.charCodeAt(b - 1) !== 0x2c) return undefined;
      b--;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    }
    if (a >= b) return undefined; // a comma with no element on its other side
    body = `[${text.slice(a, b)}]`;
  }
  // What the whole-text path checks, for the new elements (one level down: they sit in the root's array).
  const parsed = parseJson(body, MAX_DEPTH - 1);
  if (!parsed || !parsed.clean || parsed.facts.fileRef || !Array.isArray(parsed.value)) return undefined;
  const parsedItems: unknown[] = parsed.value;
  const newSpans = listSpans(text, a, parsedItems.length);
  if (!newSpans) return undefined;

  const tools = [...oldTools.slice(0, first), ...parsedItems, ...oldTools.slice(last + 1)];
  const root = { ...before.root, tools };
  const spans: ArraySpans = {
    open,
    close: close + delta,
    items: [...items.slice(0, 2 * first), ...newSpans, ...items.slice(2 * (last + 1)).map((offset) => offset + delta)],
  };
  reparseStats.parsedItems = parsedItems.length;
  return { parsed: document(root, text, shown), keep: { text, root, tools: spans, generation: before.generation } };
}

function document(root: Record<string, unknown>, text: string, shown: string): ParsedDocument {
  return { value: root, sourceMap: SourceMap.lazy((map) => scanJsonPositions(text, shown, map, MAX_DEPTH)), diagnostics: [], noFileRefs: true };
}

/** Compared a block at a time (each a native comparison of two slices), then char by char within the first differing block. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common suffix, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + BLOCK <= max && a.slice(a.length - k - BLOCK, a.length - k) === b.slice(b.length - k - BLOCK, b.length - k)) k += BLOCK;
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
