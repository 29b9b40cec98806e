/**
 * The manifest `mcpgen import` writes, as YAML text. On a re-run the existing
 * file is updated in place with the yaml Document API: keys the server does
 * not determine (auth, anything the user added) stay, list items that did not
 * change keep their node and so their comments, and a changed item keeps the
 * comment above it.
 */
import { Document, isMap, isSeq, parseDocument, YAMLSeq, type Node } from 'yaml';
import { McpgenError } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/manifest-types.js';
import type { CapturedServer } from './capture-server.js';

export interface ImportOptions {
  transport: 'stdio' | 'http';
  /** `YYYY-MM-DD`, recorded in the provenance block; omitted when not given, so output is deterministic. */
  date?: string;
}

const HEADER = [
  ' Imported from a running MCP server by `mcpgen import`. Re-run the same',
  ' command to update this file: comments on unchanged items are kept.',
].join('\n');

/** The identity of a list item across runs. */
const ITEM_KEY: Record<string, string> = { tools: 'name', resources: 'uri', resourceTemplates: 'uriTemplate', prompts: 'name' };

export function provenance(captured: CapturedServer, options: ImportOptions): JsonObject {
  return {
    importedBy: 'mcpgen import',
    server: { name: captured.serverInfo.name, version: captured.serverInfo.version },
    revision: captured.negotiatedRevision,
    transport: options.transport,
    capabilities: captured.capabilities,
    ...(options.date ? { date: options.date } : {}),
  };
}

/** The top-level values the server determines, in file order. */
function sections(captured: CapturedServer, options: ImportOptions): [string, unknown][] {
  return [
    ['revision', captured.negotiatedRevision],
    ['provenance', provenance(captured, options)],
    ['server', captured.serverInfo],
    ['instructions', captured.instructions],
    // What the server offers beyond its lists (tasks, subscriptions, completions): a manifest declares it
    // under `capabilities`, and lint holds items to it (a tool needing tasks without capabilities.tasks).
    ['capabilities', captured.capabilities && Object.keys(captured.capabilities).length ? captured.capabilities : undefined],
    ['tools', captured.tools],
    ['resources', captured.resources],
    ['resourceTemplates', captured.resourceTemplates],
    ['prompts', captured.prompts],
  ];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A new sequence for `items`, reusing the old node of each unchanged item. */
function mergeList(doc: Document, section: string, old: unknown, items: JsonObject[]): YAMLSeq {
  const seq = doc.createNode([]) as YAMLSeq;
  const byKey = new Map<unknown, Node>();
  if (isSeq(old)) {
    for (const node of old.items) {
      if (isMap(node)) byKey.set(node.get(ITEM_KEY[section]!), node as Node);
    }
  }
  for (const item of items) {
    const previous = byKey.get(item[ITEM_KEY[section]!]);
    if (previous && sameJson(previous.toJSON(), item)) {
      seq.items.push(previous);
      continue;
    }
    const fresh = doc.createNode(item) as Node;
    if (previous?.commentBefore) fresh.commentBefore = previous.commentBefore;
    seq.items.push(fresh);
  }
  return seq;
}

/** YAML for the captured server; `existing` is the current file's text, updated in place. */
export function manifestYaml(captured: CapturedServer, options: ImportOptions, existing?: string, existingPath = 'the output file'): string {
  const doc = existing !== undefined ? parseDocument(existing) : new Document({});
  if (existing !== undefined && (doc.errors.length || !isMap(doc.contents))) {
    throw new McpgenError({
      code: 'import/existing-unusable',
      severity: 'error',
      message: `${existingPath} exists but is not a YAML mapping${doc.errors[0] ? ` (${doc.errors[0].message.split('\n')[0]})` : ''}; it was left as it is.`,
      hint: 'Fix the file or choose another --out.',
    });
  }
  if (existing === undefined) doc.commentBefore = HEADER;
  for (const [key, value] of sections(captured, options)) {
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (empty) {
      doc.delete(key);
      continue;
    }
    if (Array.isArray(value)) {
      doc.set(key, mergeList(doc, key, doc.get(key, true), value as JsonObject[]));
    } else if (!sameJson((doc.get(key, true) as Node | undefined)?.toJSON?.() ?? doc.get(key), value)) {
      doc.set(key, doc.createNode(value));
    }
  }
  return doc.toString({ lineWidth: 0 });
}
