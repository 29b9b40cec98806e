/**
 * What the protocol emitters need to know about one revision beyond the raw
 * definitions: which definition each JSON-RPC `method` belongs to, which
 * requests make up the client and server unions, and which result answers
 * each request. Everything is derived from the schema, never hard-coded, so a
 * new revision works without code changes.
 *
 * Rules:
 * - A definition *declares a method* when `properties.method.const` is a
 *   string. It is a request when it also requires `id` or its name ends in
 *   `Request` (before 2025-06-18 requests carry no `id` of their own), else a
 *   notification.
 *   When two definitions declare the same method (2026-07-28 has
 *   `ClientNotification` as a copy of `CancelledNotification`), the first in
 *   schema order wins, so the choice is stable.
 * - A *union* (`ClientRequest`, `ServerRequest`, `ClientNotification`,
 *   `ServerNotification`) lists the `anyOf` members that declare a method; a
 *   union that is itself a single method definition lists itself.
 * - The *result* of request `XRequest` is `XResult` when that definition
 *   exists, else `EmptyResult` (ping, subscribe, logging/setLevel…: the spec
 *   answers those with the empty result), else `Result`.
 */
import type { JsonSchema, LoadedSpec } from '../spec/load-spec.js';
import { isJsonObject, refName } from './schema-walk.js';

export interface MethodEntry {
  method: string;
  /** Definition checked for messages with this method. */
  definition: string;
  kind: 'request' | 'notification';
  /** For requests: the definition of the result (see the pairing rule). */
  result?: string;
}

export interface ProtocolModel {
  revision: string;
  /** Definition names in schema order. */
  names: string[];
  definitions: Record<string, JsonSchema>;
  /** Definitions that are only a `$ref` to another definition: name → target. */
  aliases: Map<string, string>;
  /** By method, sorted by method: what `validateMessage` dispatches on. */
  methods: MethodEntry[];
  /** Every definition that declares a method (including later duplicates), by definition name. */
  declaring: Map<string, MethodEntry>;
  /** Union name → member definition names (schema `anyOf` order), for the unions that exist. */
  unions: Map<string, string[]>;
}

export const UNION_NAMES = ['ClientRequest', 'ServerRequest', 'ClientNotification', 'ServerNotification'] as const;

/** The `method` const a definition declares, if any. */
export function declaredMethod(schema: JsonSchema | undefined): string | undefined {
  const props = schema?.properties;
  if (!isJsonObject(props)) return undefined;
  const method = props.method;
  return isJsonObject(method) && typeof method.const === 'string' ? method.const : undefined;
}

function requires(schema: JsonSchema, key: string): boolean {
  return Array.isArray(schema.required) && schema.required.includes(key);
}

/** Builds the model of one loaded revision. */
export function buildProtocolModel(spec: Pick<LoadedSpec, 'definitions' | 'revision'>): ProtocolModel {
  const definitions = spec.definitions;
  const names = Object.keys(definitions);
  const aliases = new Map<string, string>();
  for (const name of names) {
    const def = definitions[name]!;
    const target = refName(def.$ref);
    if (target && Object.keys(def).every((k) => k === '$ref' || k === 'description' || k === 'title')) aliases.set(name, target);
  }

  const byMethod = new Map<string, MethodEntry>();
  const declaring = new Map<string, MethodEntry>();
  for (const name of names) {
    const def = definitions[name]!;
    const method = declaredMethod(def);
    if (!method) continue;
    const kind = requires(def, 'id') || name.endsWith('Request') ? 'request' : 'notification';
    const entry: MethodEntry = { method, definition: name, kind };
    if (kind === 'request') entry.result = resultFor(name, definitions);
    declaring.set(name, entry);
    if (!byMethod.has(method)) byMethod.set(method, entry);
  }
  const methods = [...byMethod.values()].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));

  const unions = new Map<string, string[]>();
  for (const union of UNION_NAMES) {
    const def = definitions[union];
    if (!def) continue;
    if (declaredMethod(def)) {
      unions.set(union, [union]);
      continue;
    }
    const members = Array.isArray(def.anyOf) ? def.anyOf.map((m) => (isJsonObject(m) ? refName(m.$ref) : undefined)) : [];
    unions.set(
      union,
      members.filter((m): m is string => !!m && declaredMethod(definitions[m]) !== undefined),
    );
  }
  return { revision: spec.revision.id, names, definitions, aliases, methods, declaring, unions };
}

function resultFor(request: string, definitions: Record<string, JsonSchema>): string | undefined {
  const paired = request.endsWith('Request') ? `${request.slice(0, -'Request'.length)}Result` : undefined;
  if (paired && definitions[paired]) return paired;
  if (definitions.EmptyResult) return 'EmptyResult';
  return definitions.Result ? 'Result' : undefined;
}
