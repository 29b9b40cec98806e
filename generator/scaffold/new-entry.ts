/**
 * What `mcpgen add KIND NAME` appends: the entry built from the flags, after
 * checking the name against the naming rules (and the names already in the
 * manifest) so a bad name is refused before anything is written.
 */
import { McpgenError } from '../diagnostics/diagnostic.js';
import { checkNames } from '../lint/checks/name-checks.js';
import type { ListKey } from './add-entry.js';

export const ADD_KINDS = { tool: 'tools', resource: 'resources', template: 'resourceTemplates', prompt: 'prompts' } as const satisfies Record<string, ListKey>;
export type AddKind = keyof typeof ADD_KINDS;

const ARG_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'] as const;

export interface NewEntryOptions {
  kind: AddKind;
  name: string;
  title?: string;
  description?: string;
  /** `city:string!` (required), `days:integer`, `topic` (string). */
  args: string[];
  /** Resource URI / template URI template; derived from the name when absent. */
  uri?: string;
  /** Names already in the manifest's list of this kind. */
  existing: string[];
  /** URI scheme for derived URIs (the first one the manifest uses, else the server name). */
  scheme: string;
}

interface ParsedArg {
  name: string;
  type: (typeof ARG_TYPES)[number];
  required: boolean;
}

function usage(message: string, hint?: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message, ...(hint ? { hint } : {}) });
}

/** A name that passes the rules: invalid characters become `_`, a leading letter is ensured, unique among `taken`. */
export function suggestName(name: string, taken: readonly string[]): string {
  let s = name
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[-_]+|[-_]+$/g, '');
  if (!/^[A-Za-z]/.test(s)) s = `x_${s}`.replace(/_$/, '');
  s = s.slice(0, 64);
  let candidate = s;
  for (let i = 2; taken.includes(candidate); i++) candidate = `${s.slice(0, 60)}_${i}`;
  return candidate;
}

export function parseArg(spec: string, kind: AddKind): ParsedArg {
  const m = /^([A-Za-z_][A-Za-z0-9_-]*)(?::([a-z]+))?(!)?$/.exec(spec);
  if (!m) throw usage(`--arg ${JSON.stringify(spec)}: expected NAME, NAME:TYPE or NAME:TYPE! (for example city:string!).`);
  const type = (m[2] ?? 'string') as ParsedArg['type'];
  if (!(ARG_TYPES as readonly string[]).includes(type)) throw usage(`--arg ${spec}: unknown type "${type}".`, `Types: ${ARG_TYPES.join(', ')}.`);
  if (kind === 'prompt' && type !== 'string') throw usage(`--arg ${spec}: prompt arguments are strings.`, `Write --arg ${m[1]}${m[3] ?? ''}.`);
  return { name: m[1]!, type, required: m[3] === '!' };
}

function checkName(o: NewEntryOptions): void {
  const subject = { tool: 'Tool name', resource: 'Resource name', template: 'Resource template name', prompt: 'Prompt name' }[o.kind];
  const items = [...o.existing, o.name].map((name, i) => ({ name, pointer: `/${i}`, label: JSON.stringify(name) }));
  const findings = checkNames(items, { area: 'name', subject, profile: 'spec' }).filter((f) => f.pointer === `/${o.existing.length}`);
  if (findings.length) {
    const suggestion = suggestName(o.name, o.existing);
    throw new McpgenError(
      findings.map((f) => ({
        code: 'usage/invalid',
        severity: 'error' as const,
        message: f.message,
        hint: `Try: mcpgen add ${o.kind} ${suggestion}`,
      })),
    );
  }
}

export function newEntry(o: NewEntryOptions): Record<string, unknown> {
  checkName(o);
  const args = o.args.map((a) => parseArg(a, o.kind));
  const seen = new Set<string>();
  for (const a of args) {
    if (seen.has(a.name)) throw usage(`--arg ${a.name} is given twice.`);
    seen.add(a.name);
  }
  const meta = { ...(o.title ? { title: o.title } : {}), ...(o.description ? { description: o.description } : {}) };
  switch (o.kind) {
    case 'tool': {
      const required = args.filter((a) => a.required).map((a) => a.name);
      return {
        name: o.name,
        ...meta,
        inputSchema: {
          type: 'object',
          properties: Object.fromEntries(args.map((a) => [a.name, { type: a.type }])),
          ...(required.length ? { required } : {}),
          additionalProperties: false,
        },
      };
    }
    case 'prompt':
      return { name: o.name, ...meta, ...(args.length ? { arguments: args.map((a) => ({ name: a.name, ...(a.required ? { required: true } : {}) })) } : {}) };
    case 'resource':
      if (args.length) throw usage('--arg is for tools, prompts and templates: a resource has a fixed URI.');
      return { uri: o.uri ?? `${o.scheme}://${o.name}`, name: o.name, ...meta };
    case 'template': {
      const vars = args.map((a) => `/{${a.name}}`).join('');
      if (!o.uri && !args.length) throw usage('A template needs --uri-template, or --arg for each URI variable.', `Example: mcpgen add template ${o.name} --arg id`);
      return { uriTemplate: o.uri ?? `${o.scheme}://${o.name}${vars}`, name: o.name, ...meta };
    }
  }
}
