/**
 * JSON laid out the way the formatter lays out JSON files (prettier's `json`
 * parser at print width 100), so generated JSON files need no formatting pass
 * (loading prettier alone costs about a fifth of a second): objects one key
 * per line, and an array of primitives on one line when it fits.
 */
import { JsonKeyedMemo, runMemosKept } from '../../pipeline/run-memos.js';

const WIDTH = 100;

/**
 * Laid-out items of top-level lists (the tools of a manifest) by their JSON,
 * per named document, from the previous call for that name in this process:
 * `generate --watch` lays out again only the items an edit changed. Each
 * call replaces its name's items, so the memo holds one document per name.
 */
const memos = new Map<string, JsonKeyedMemo<string>>();
let items: JsonKeyedMemo<string> | undefined;
/** How an item's JSON (its memo key) is had: the caller's shared serialization, or JSON.stringify. */
let itemJson: (value: object) => string = JSON.stringify;

/** `memo`: a name for the document, to reuse the layout of its unchanged list items from the last call with that name. */
export function jsonLayout(value: unknown, options: { memo?: string } = {}): string {
  if (options.memo === undefined || !runMemosKept()) return `${layout(value, 0, 0)}\n`;
  return jsonLayoutParts(value, options).join('');
}

/**
 * `jsonLayout` as the pieces that make it up, in order (joined with nothing
 * between them): a list item is one piece, the same string as last call's
 * when the item is unchanged, so the write stage hashes and writes the
 * document without joining it (output/parted-text.ts).
 */
export function jsonLayoutParts(value: unknown, options: { memo?: string; json?: (value: object) => string } = {}): string[] {
  const out: string[] = [];
  const kept = options.memo !== undefined && runMemosKept();
  if (kept) {
    items = memos.get(options.memo!) ?? new JsonKeyedMemo<string>();
    memos.set(options.memo!, items);
    itemJson = options.json ?? JSON.stringify;
  }
  try {
    layoutInto(out, value, 0, 0);
    out.push('\n');
    if (kept) items!.turn();
    return out;
  } finally {
    items = undefined;
    itemJson = JSON.stringify;
  }
}

/** An object in a list near the top of the document, laid out once per distinct JSON. */
function item(value: object, indent: number, used: number): string {
  const json = itemJson(value);
  const key = `${indent}\0${used}`;
  const text = items!.get(json, key) ?? layout(value, indent, used);
  items!.set(json, key, text);
  return text;
}

/**
 * `indent`: the nesting depth; `used`: columns before the value on its first
 * line. The pieces of the whole value go into one list, joined once: joining
 * each level (the 2 MB tool list of a 1,000-tool manifest, then the document
 * around it) copied the large parts once per level.
 */
function layout(value: unknown, indent: number, used: number): string {
  const out: string[] = [];
  layoutInto(out, value, indent, used);
  return out.length === 1 ? out[0]! : out.join('');
}

function layoutInto(out: string[], value: unknown, indent: number, used: number): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      // The trailing comma after a member counts towards the width.
      if (used + flat.length + 1 <= WIDTH) {
        out.push(flat);
        return;
      }
    }
    const pad = '  '.repeat(indent + 1);
    out.push('[\n');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',\n');
      if (!(i in value)) continue; // a hole lays out as nothing, as join did
      const v: unknown = value[i];
      out.push(pad);
      if (items && indent < 2 && v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(item(v, indent + 1, pad.length));
      else layoutInto(out, v, indent + 1, pad.length);
    }
    out.push(`\n${'  '.repeat(indent)}]`);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    const pad = '  '.repeat(indent + 1);
    out.push('{\n');
    entries.forEach(([k, v], i) => {
      const key = `${JSON.stringify(k)}: `;
      out.push(i > 0 ? `,\n${pad}${key}` : `${pad}${key}`);
      layoutInto(out, v, indent + 1, pad.length + key.length);
    });
    out.push(`\n${'  '.repeat(indent)}}`);
    return;
  }
  out.push(JSON.stringify(value) ?? 'null');
}
