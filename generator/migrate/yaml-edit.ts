/**
 * Minimal-diff edits of a YAML or JSON manifest: delete a key, rename a key,
 * set a top-level scalar. The `yaml` Document API locates every node; the
 * edit itself is a splice of the original text, so comments, anchors,
 * aliases, `$ref`s, quoting, flow/block style and blank lines outside the
 * edited lines stay byte for byte (re-stringifying a Document would
 * normalize flow padding and folding everywhere).
 *
 * Every result is re-parsed and compared with the same edits applied to the
 * plain data; a splice that would not produce exactly that is refused, so a
 * write can never silently change something else.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type EditPath = (string | number)[];

export type ManifestEdit =
  | { op: 'delete'; path: EditPath }
  | { op: 'rename'; path: EditPath; newKey: string }
  | { op: 'set'; path: [string]; value: string };

export interface EditRefusal {
  edit: ManifestEdit;
  reason: string;
}

export interface EditResult {
  text: string;
  /** Edits that could not be made in this file (inside a `$ref`'d file, not found, ...). */
  refused: EditRefusal[];
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

type Located = { map: YAMLMap; index: number; pair: Pair } | { map: YAMLMap; index: -1; pair?: undefined } | { refused: string };

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** Finds the map holding the last segment of `path`, following aliases to their anchors. */
function locate(doc: Document, path: EditPath): Located {
  let node = resolve(doc, doc.contents);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const index = node.items.findIndex((p) => keyOf(p) === String(seg));
      if (index < 0) {
        if (node.items.some((p) => keyOf(p) === '$ref')) return { refused: 'it is inside a $ref’d file; edit that file by hand' };
        return last ? { map: node, index: -1 } : { refused: 'not found in the file' };
      }
      if (last) return { map: node, index, pair: node.items[index]! };
      node = resolve(doc, node.items[index]!.value);
    } else if (isSeq(node) && typeof seg === 'number') {
      if (last) return { refused: 'an array item is not a key' };
      node = resolve(doc, node.items[seg]);
    } else {
      return { refused: 'not found in the file' };
    }
  }
  return { refused: 'empty path' };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line that contains offset-1, after its newline. */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function range(node: unknown): [number, number, number] | undefined {
  return (node as Node | undefined)?.range ?? undefined;
}

function deleteSplice(text: string, map: YAMLMap, index: number): Splice | undefined {
  const pair = map.items[index]!;
  const key = range(pair.key);
  const value = range(pair.value) ?? key;
  if (!key || !value) return undefined;
  const next = map.items[index + 1];
  const prev = map.items[index - 1];
  if (map.flow) {
    if (next && range(next.key)) return { start: key[0], end: range(next.key)![0], text: '' };
    const prevEnd = prev ? (range(prev.value) ?? range(prev.key))?.[1] : undefined;
    if (prevEnd !== undefined) return { start: prevEnd, end: value[1], text: '' };
    return { start: key[0], end: value[1], text: '' };
  }
  const start = lineStart(text, key[0]);
  const before = text.slice(start, key[0]);
  if (/^[ \t]*$/.test(before)) return { start, end: lineEndAfter(text, value[1]), text: '' };
  // The first key of a block sequence item (`- name: x`): the next key moves up onto the dash line.
  if (next && range(next.key)) return { start: key[0], end: range(next.key)![0], text: '' };
  const contentEnd = text.slice(0, value[1]).trimEnd().length;
  return { start: key[0], end: contentEnd, text: '{}' };
}

function scalarText(original: string, value: string): string {
  if (original.startsWith('"')) return JSON.stringify(value);
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return /^[A-Za-z0-9_$][A-Za-z0-9_.\-/$]*$/.test(value) ? value : JSON.stringify(value);
}

function spliceFor(doc: Document, text: string, edit: ManifestEdit): Splice | string {
  const found = locate(doc, edit.path);
  if ('refused' in found) return found.refused;
  const { map, pair } = found;
  if (edit.op === 'set') {
    const value = range(pair?.value);
    if (pair && value && isScalar(pair.value)) {
      return { start: value[0], end: value[1], text: scalarText(text.slice(value[0], value[1]), edit.value) };
    }
    if (pair) return 'the existing value is not a scalar';
    const first = map.items[0] ? range(map.items[0].key) : undefined;
    if (map.flow) {
      const at = first ? first[0] : (range(map)?.[0] ?? 0) + 1;
      return { start: at, end: at, text: `${JSON.stringify(edit.path[0])}: ${JSON.stringify(edit.value)}, ` };
    }
    const at = first ? lineStart(text, first[0]) : text.length;
    return { start: at, end: at, text: `${edit.path[0]}: ${scalarText('', edit.value)}\n` };
  }
  if (!pair) return 'not found in the file';
  if (edit.op === 'delete') return deleteSplice(text, map, found.index) ?? 'no source position';
  const key = range(pair.key);
  if (!key) return 'no source position';
  if (map.items.some((p) => keyOf(p) === edit.newKey)) return `"${edit.newKey}" already exists there`;
  return { start: key[0], end: key[1], text: scalarText(text.slice(key[0], key[1]), edit.newKey) };
}

/** The same edits on plain data, to check the spliced text against. */
function applyToData(data: unknown, edits: ManifestEdit[]): unknown {
  const root = structuredClone(data);
  for (const edit of edits) {
    let node = root as Record<string | number, unknown>;
    for (const seg of edit.path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    const last = edit.path[edit.path.length - 1]!;
    if (edit.op === 'delete') delete node[last];
    else if (edit.op === 'set') node[last] = edit.value;
    else {
      const entries = Object.entries(node).map(([k, v]) => [k === last ? edit.newKey : k, v]);
      for (const k of Object.keys(node)) delete node[k];
      Object.assign(node, Object.fromEntries(entries));
    }
  }
  return root;
}

function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/**
 * Applies `edits` to a manifest's text. Edits that cannot be made are
 * returned in `refused` (the rest are still made).
 * @throws Error when the text does not parse (callers load it first, so this is a bug)
 */
export function editManifestText(text: string, edits: ManifestEdit[]): EditResult {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true });
  if (doc.errors.length) throw new Error(`cannot edit a manifest with syntax errors: ${doc.errors[0]!.message}`);
  const refused: EditRefusal[] = [];
  const splices: { splice: Splice; edit: ManifestEdit }[] = [];
  for (const edit of edits) {
    const s = spliceFor(doc, text, edit);
    if (typeof s === 'string') refused.push({ edit, reason: s });
    else if (!splices.some((o) => o.splice.start === s.start && o.splice.end === s.end)) splices.push({ splice: s, edit });
    // The same splice twice: one anchored node edited through several aliases.
  }
  splices.sort((a, b) => b.splice.start - a.splice.start);
  let out = text;
  let lastStart = Infinity;
  const made: ManifestEdit[] = [];
  for (const { splice, edit } of splices) {
    if (splice.end > lastStart) {
      refused.push({ edit, reason: 'it overlaps another edit' });
      continue;
    }
    out = out.slice(0, splice.start) + splice.text + out.slice(splice.end);
    lastStart = splice.start;
    made.push(edit);
  }
  const expected = applyToData(doc.toJS({ maxAliasCount: 100 }), dedupeForData(edits, refused));
  if (!reparsesAs(out, expected)) {
    return { text, refused: edits.map((edit) => ({ edit, reason: 'the edit could not be made without changing other content; edit the file by hand' })) };
  }
  return { text: out, refused };
}

/** Whether the edited text parses cleanly (aliases resolving) to exactly the expected data. */
function reparsesAs(text: string, expected: unknown): boolean {
  const check = parseDocument(text, { version: '1.2', uniqueKeys: true });
  if (check.errors.length) return false;
  try {
    return sameData(check.toJS({ maxAliasCount: 100 }), expected);
  } catch {
    return false; // An alias whose anchor the edit removed.
  }
}

/** Edits to replay on the data: the ones not refused. An alias shares its anchor's data, so an edit through an alias is already there. */
function dedupeForData(edits: ManifestEdit[], refused: EditRefusal[]): ManifestEdit[] {
  const no = new Set(refused.map((r) => r.edit));
  return edits.filter((e) => !no.has(e));
}
