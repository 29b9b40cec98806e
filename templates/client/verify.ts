/**
 * Drift check: the live server's tools, resources, templates and prompts
 * against the manifest the client was generated from. Schemas are compared by
 * sha256 of their canonical JSON (keys sorted), so key order never counts; the
 * report carries both hashes.
 */
import { createHash } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/client';

export type ItemKind = 'tool' | 'resource' | 'resourceTemplate' | 'prompt';

/** What the manifest declared: the wire object, as the generated metadata holds it. */
export interface ExpectedItem {
  kind: ItemKind;
  name: string;
  wire: Record<string, unknown>;
}

export interface VerifyReport {
  ok: boolean;
  /** In the manifest, not on the server. */
  missing: { kind: ItemKind; name: string }[];
  /** On the server, not in the manifest. */
  extra: { kind: ItemKind; name: string }[];
  /** On both, with different schemas or fields (`inputSchema`, `outputSchema`, `uri`, `arguments`, ...). */
  changed: {
    kind: ItemKind;
    name: string;
    fields: { field: string; expected: string; actual: string }[];
  }[];
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 of the canonical JSON of a value (absent values hash as `null`). */
export function schemaHash(value: unknown): string {
  return createHash('sha256')
    .update(canonical(value ?? null))
    .digest('hex');
}

/** The fields compared per kind. */
export const HASHED_FIELDS: Record<ItemKind, string[]> = {
  tool: ['inputSchema', 'outputSchema'],
  resource: ['uri'],
  resourceTemplate: ['uriTemplate'],
  prompt: ['arguments'],
};

/**
 * A field as compared: a prompt argument's `required: false` is the
 * default, and servers on the SDK list it explicitly where the manifest
 * leaves it out, so both spellings compare equal.
 */
function comparable(kind: ItemKind, field: string, value: unknown): unknown {
  if (kind !== 'prompt' || field !== 'arguments' || !Array.isArray(value)) return value;
  return value.map((arg: unknown) => {
    if (!arg || typeof arg !== 'object' || (arg as { required?: unknown }).required !== false)
      return arg;
    const { required: _default, ...rest } = arg as Record<string, unknown>;
    return rest;
  });
}

function liveItems(
  kind: ItemKind,
  items: { name: string }[],
): Map<string, Record<string, unknown>> {
  return new Map(items.map((i) => [`${kind}:${i.name}`, i as Record<string, unknown>]));
}

export async function verifyServer(sdk: Client, expected: ExpectedItem[]): Promise<VerifyReport> {
  const caps = sdk.getServerCapabilities() ?? {};
  const live = new Map<string, Record<string, unknown>>();
  const add = (m: Map<string, Record<string, unknown>>) => m.forEach((v, k) => live.set(k, v));
  if (caps.tools) add(liveItems('tool', (await sdk.listTools()).tools));
  if (caps.resources) {
    add(liveItems('resource', (await sdk.listResources()).resources));
    add(liveItems('resourceTemplate', (await sdk.listResourceTemplates()).resourceTemplates));
  }
  if (caps.prompts) add(liveItems('prompt', (await sdk.listPrompts()).prompts));

  const report: VerifyReport = { ok: true, missing: [], extra: [], changed: [] };
  const seen = new Set<string>();
  for (const item of expected) {
    const key = `${item.kind}:${item.name}`;
    seen.add(key);
    const found = live.get(key);
    if (!found) {
      report.missing.push({ kind: item.kind, name: item.name });
      continue;
    }
    const fields = HASHED_FIELDS[item.kind]
      .map((field) => ({
        field,
        expected: schemaHash(comparable(item.kind, field, item.wire[field])),
        actual: schemaHash(comparable(item.kind, field, found[field])),
      }))
      .filter((f) => f.expected !== f.actual);
    if (fields.length) report.changed.push({ kind: item.kind, name: item.name, fields });
  }
  for (const [key, item] of live) {
    if (!seen.has(key))
      report.extra.push({
        kind: key.slice(0, key.indexOf(':')) as ItemKind,
        name: String(item.name),
      });
  }
  report.ok = !report.missing.length && !report.extra.length && !report.changed.length;
  return report;
}
