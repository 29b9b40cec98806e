/**
 * The TOOLS table of `metadata.ts` (2 MB at 1,000 tools) as parts, one per
 * tool, each exactly the text `jsLiteral(table, 2)` gives that tool's entry:
 * the write stage then hashes and writes the module from its parts
 * (output/parted-text.ts), and `generate --watch` lays out again only the
 * entries an edit changed (memo by wire object and identifier). Tables
 * that need the whole-table path (an entry nested too deep for TypeScript,
 * a `__proto__` or repeated key) get undefined: the caller lays them out in
 * one piece as before.
 */
import { ObjectMemo } from '../../pipeline/run-memos.js';
import { jsLiteral } from '../shared/safe-code.js';
import { countWork } from '../../pipeline/work-counts.js';

interface Entry {
  text: string;
  depth: number;
}

/** Entries by wire object (an unchanged tool's is the same object in the next `generate --watch` run: pipeline/reuse-unchanged.ts). */
const entries = new ObjectMemo<object, { identifier: string; entry: Entry }>();

/**
 * `depthOf`: jsonDepth; `maxDepth`: the deepest table the caller writes
 * without `unchecked()` (the table is one level above its entries).
 */
export function toolTableParts(
  items: readonly { identifier: string; wire: unknown }[],
  depthOf: (value: unknown) => number,
  maxDepth: number,
): string[] | undefined {
  if (items.length === 0) return undefined;
  const seen = new Set<string>();
  const parts: string[] = ['{\n'];
  for (const item of items) {
    if (item.identifier === '__proto__' || seen.has(item.identifier)) return undefined;
    seen.add(item.identifier);
    const wire = typeof item.wire === 'object' && item.wire !== null ? item.wire : undefined;
    const known = wire ? entries.get(wire) : undefined;
    let entry = known?.identifier === item.identifier ? known.entry : undefined;
    if (entry === undefined) {
      entry = layoutEntry(item.identifier, item.wire, depthOf);
      if (wire) entries.set(wire, { identifier: item.identifier, entry });
    }
    if (entry.depth + 1 > maxDepth) return undefined;
    if (parts.length > 1) parts.push(',\n');
    parts.push(entry.text);
  }
  parts.push('\n}');
  return parts;
}

/**
 * `  "<identifier>": <value>`, as in `JSON.stringify(table, null, 2)` (the
 * value's lines one level in: JSON strings hold no raw line breaks), with
 * jsLiteral's escapes, which only ever act within one entry.
 */
function layoutEntry(identifier: string, wire: unknown, depthOf: (value: unknown) => number): Entry {
  countWork('tool-table-entries-laid-out');
  // The one-entry table laid out, without its braces: `{\n` + the entry + `\n}`. (A replace of every
  // line break to indent the value's lines made several copies of the 2 MB table per run.)
  const table = jsLiteral({ [identifier]: wire }, 2);
  return { text: table.slice(2, -2), depth: depthOf(wire) };
}
