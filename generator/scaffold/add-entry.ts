/**
 * `mcpgen add`: appends one entry to a manifest's text. The text is edited,
 * not re-serialized: the `yaml` Document gives the position and indentation
 * of the list, the new entry alone is rendered, and it is spliced in after
 * the list's last item, so every other byte (comments, order, quoting, blank
 * lines) stays as it was. A JSON manifest is rewritten with its indentation.
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { McpgenError } from '../diagnostics/diagnostic.js';

export type ListKey = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

/** Where a top-level list goes when the manifest has none yet (the manifest's documented key order). */
const KEY_ORDER = ['revision', 'server', 'instructions', 'tools', 'resources', 'resourceTemplates', 'prompts', 'auth'];

/** The new entry as YAML lines (a sequence item), small schemas in flow style as a person would write them. */
function renderItem(entry: Record<string, unknown>, indent: number): string {
  const doc = new Document([entry]);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value as Node | null;
      if (key === 'required' && isSeq(value)) value.flow = true;
      if (key === 'properties' && isMap(value)) for (const p of value.items) if (isPair(p) && isMap(p.value)) (p.value as YAMLMap).flow = true;
      if (key === 'arguments' && isSeq(value)) for (const a of value.items) if (isMap(a)) a.flow = true;
    },
  });
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n') + '\n';
}

function internal(message: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message });
}

/** The manifest text with `entry` appended to the `key` list. */
export function appendEntry(text: string, key: ListKey, entry: Record<string, unknown>, file: string): string {
  if (/^\s*[{[]/.test(text)) return appendJson(text, key, entry, file);
  const doc = parseDocument(text, { version: '1.2' });
  if (doc.errors.length) throw internal(`${file} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first (mcpgen lint ${file}).`);
  const root = doc.contents;
  if (!isMap(root)) throw internal(`${file} must hold a mapping at the top.`);
  const original = doc.toJS() as Record<string, unknown[]>;
  const list = root.get(key, true) as Node | undefined;
  let result: string;
  if (list === undefined || (isScalar(list) && list.value === null)) {
    result = insertList(text, root, key, entry);
  } else if (isSeq(list) && !list.flow && list.items.length && (list.items.at(-1) as Node).range) {
    const last = list.items.at(-1) as Node;
    let at = last.range![1];
    if (text[at - 1] !== '\n') {
      const eol = text.indexOf('\n', at);
      at = eol === -1 ? text.length : eol + 1;
    }
    const lineStart = text.lastIndexOf('\n', last.range![0] - 1) + 1;
    const indent = /^ */.exec(text.slice(lineStart))![0].length;
    const before = text.slice(0, at);
    result = (before.endsWith('\n') ? before : before + '\n') + renderItem(entry, indent) + text.slice(at);
  } else if (isSeq(list)) {
    // An empty or flow-style list (`tools: []`): the Document edits it; comments survive, layout of that list may not.
    list.items.push(doc.createNode(entry));
    list.flow = false;
    result = doc.toString({ lineWidth: 0 });
  } else {
    throw internal(`${file}: \`${key}\` must be a list.`);
  }
  const after = parseDocument(result, { version: '1.2' }).toJS() as Record<string, unknown[]>;
  if (!isDeepStrictEqual(after, { ...original, [key]: [...(original[key] ?? []), entry] })) {
    throw new Error(`mcpgen add produced a manifest that does not read back as intended (${file})`);
  }
  return result;
}

/** A new top-level list, placed before the first key that comes after it (and before that key's comments). */
function insertList(text: string, root: YAMLMap, key: ListKey, entry: Record<string, unknown>): string {
  const block = `${key}:\n${renderItem(entry, 2)}`;
  const later = KEY_ORDER.slice(KEY_ORDER.indexOf(key) + 1);
  const next = root.items.find((p) => isScalar(p.key) && later.includes(String(p.key.value)) && p.key.range);
  const existing = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (existing) {
    // `key:` with no value: replace that line.
    const start = text.lastIndexOf('\n', (existing.key as Node).range![0] - 1) + 1;
    const eol = text.indexOf('\n', start);
    return text.slice(0, start) + block + (eol === -1 ? '' : text.slice(eol + 1));
  }
  if (!next) return (text.endsWith('\n') || text === '' ? text : text + '\n') + (text.trim() ? '\n' : '') + block;
  let at = text.lastIndexOf('\n', (next.key as Node).range![0] - 1) + 1;
  // Keep the comment lines right above the next key with it.
  for (;;) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    if (at === 0 || !/^\s*#/.test(text.slice(prev, at))) break;
    at = prev;
  }
  return text.slice(0, at) + block + '\n' + text.slice(at);
}

function appendJson(text: string, key: ListKey, entry: Record<string, unknown>, file: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw internal(`${file} is not valid JSON (${(err as Error).message}); fix it first.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw internal(`${file} must hold an object.`);
  const obj = value as Record<string, unknown>;
  const list = obj[key] ?? [];
  if (!Array.isArray(list)) throw internal(`${file}: \`${key}\` must be a list.`);
  const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
  return JSON.stringify({ ...obj, [key]: [...list, entry] }, null, indent) + '\n';
}
