/**
 * The data a server's docs are rendered from. Everything a template places is
 * prepared here, as Markdown that is already safe in its spot (manifest
 * strings escaped per context, code blocks fenced so nothing can close them,
 * anchors predicted with GitHub's slugs), so templates, including users' own
 * partials, hold layout only. Reads only the IR: what the target revision
 * lacks is already absent from the wire objects.
 */
import type { IR, IrNamed, IrTool } from '../../ir/model.js';
import { isJsonObject, type SchemaObject } from '../../json-schema/subschemas.js';
import { compareRevisions } from '../../spec/revisions.js';
import { X_MCP_HEADER_SINCE } from '../../lint/rules/x-mcp-header.js';
import { clientCall, exampleArguments, jsonRpcCall } from './example-call.js';
import { clientSetup, LOCAL_HTTP_URL, type ClientSetup } from './client-setup.js';
import { blockText, cellText, codeSpan, fencedBlock, inlineText, urlLink } from './markdown-text.js';
import { schemaRows, type SchemaRow } from './schema-rows.js';
import { Slugger } from './slug.js';
import { publishInfo } from '../shared/publish-info.js';

/** One row of a parameter table, every cell ready to place. */
export interface RowView {
  name: string;
  type: string;
  required: string;
  default: string;
  values: string;
  format: string;
  description: string;
}

export interface LinkView {
  label: string;
  anchor: string;
}

export interface ToolView {
  heading: string;
  anchor: string;
  title?: string;
  description?: string;
  badges?: string;
  params: RowView[];
  output?: RowView[];
  headers?: { param: string; header: string }[];
  taskSupport?: string;
  scopes?: string;
  exampleJsonRpc: string;
  exampleClient: string;
}

export interface ItemView {
  heading: string;
  anchor: string;
  title?: string;
  description?: string;
  facts: { label: string; value: string }[];
  rows?: RowView[];
}

export interface DocsView {
  title: string;
  /** The heading's anchor, for a "back to top" link. */
  anchor: string;
  revision: string;
  name: string;
  version: string;
  description?: string;
  website?: string;
  icons?: string;
  instructions?: string;
  capabilities: string;
  transports: { name: string; detail: string }[];
  auth?: { resource: string; authorizationServers: string; scopes: { scope: string; items: string }[] };
  environment?: { name: string; secret: string; required: string; description: string }[];
  revisionNote?: { revision: string; fields: string };
  contents: LinkView[];
  sections: { setup: LinkView; server: LinkView; tools?: LinkView; resources?: LinkView; resourceTemplates?: LinkView; prompts?: LinkView };
  tools: ToolView[];
  resources: ItemView[];
  resourceTemplates: ItemView[];
  prompts: ItemView[];
  setup: { npx: string; stdio: string; http: string; httpNote: string; mcpJson: string };
  /** The raw snippets, for the files written beside the docs. */
  snippets: ClientSetup;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const json = (v: unknown): string => JSON.stringify(v);

function rowsView(rows: SchemaRow[]): RowView[] {
  return rows.map((r) => ({
    name: '\u00a0\u00a0'.repeat(r.depth) + codeSpan(r.path, true),
    type: codeSpan(r.type, true),
    required: r.required ? 'yes' : '',
    default: r.default === undefined ? '' : codeSpan(json(r.default), true),
    values: r.enum ? r.enum.map((v) => codeSpan(json(v), true)).join(', ') : '',
    format: r.format ? codeSpan(r.format, true) : '',
    description: cellText(r.description),
  }));
}

const BADGES: [string, string][] = [
  ['readOnlyHint', 'read-only'],
  ['destructiveHint', 'destructive'],
  ['idempotentHint', 'idempotent'],
  ['openWorldHint', 'open-world'],
];

function badges(annotations: unknown): string | undefined {
  if (!isJsonObject(annotations)) return undefined;
  // destructive and open-world default to true in the spec; say so only when declared.
  const on = BADGES.filter(([key]) => annotations[key] === true).map(([, label]) => codeSpan(label));
  const off = BADGES.filter(([key]) => annotations[key] === false && (key === 'destructiveHint' || key === 'openWorldHint')).map(([, label]) => codeSpan(`not ${label}`));
  const all = [...on, ...off];
  return all.length ? all.join(' ') : undefined;
}

function toolView(tool: IrTool, item: Pick<ItemView, 'heading' | 'anchor' | 'title' | 'description'>, headersSupported: boolean): ToolView {
  const wire = tool.wire;
  const rows = schemaRows(tool.inputSchema);
  const args = exampleArguments(tool.inputSchema);
  const headers = headersSupported ? rows.filter((r) => r.header).map((r) => ({ param: codeSpan(r.path), header: codeSpan(`Mcp-Param-${r.header}`) })) : [];
  const execution = isJsonObject(wire.execution) ? str(wire.execution.taskSupport) : undefined;
  return {
    ...item,
    ...(badges(wire.annotations) ? { badges: badges(wire.annotations) } : {}),
    params: rowsView(rows),
    ...(tool.outputSchema ? { output: rowsView(schemaRows(tool.outputSchema as SchemaObject)) } : {}),
    ...(headers.length ? { headers } : {}),
    ...(execution ? { taskSupport: codeSpan(execution) } : {}),
    ...(tool.requiredScopes.length ? { scopes: tool.requiredScopes.map((s) => codeSpan(s)).join(', ') } : {}),
    exampleJsonRpc: fencedBlock(jsonRpcCall(tool.name, args), 'json'),
    exampleClient: fencedBlock(clientCall(tool.identifier, args), 'ts'),
  };
}

function fact(label: string, value: string | undefined): { label: string; value: string }[] {
  return value ? [{ label, value }] : [];
}

export function buildServerDocsView(ir: IR): DocsView {
  const s = ir.server;
  const slugger = new Slugger();
  const titleText = str(s.title) ?? s.name;
  const anchor = slugger.claim(titleText);
  // Headings are claimed in document order (title, sections, their items), as
  // the HTML renderer assigns ids, so a tool named "prompts" and the Prompts
  // section get the same suffixes on GitHub, in index.html and here.
  const section = (label: string): LinkView => ({ label, anchor: slugger.claim(label) });
  const named = (item: IrNamed): Pick<ItemView, 'heading' | 'anchor' | 'title' | 'description'> => ({
    heading: codeSpan(item.name),
    anchor: slugger.claim(item.name),
    ...(str(item.wire.title) ? { title: inlineText(item.wire.title as string) } : {}),
    ...(str(item.wire.description) ? { description: blockText(item.wire.description as string) } : {}),
  });
  const setupSection = section('Set-up');
  const serverSection = section('Server');
  const headersSupported = compareRevisions(ir.revision.id, X_MCP_HEADER_SINCE) >= 0;
  const toolsSection = ir.tools.length ? section('Tools') : undefined;
  const tools = ir.tools.map((t) => toolView(t, named(t), headersSupported));
  const resourcesSection = ir.resources.length ? section('Resources') : undefined;
  const resources = ir.resources.map((r) => ({ ...named(r), facts: [...fact('URI', codeSpan(r.uri)), ...fact('MIME type', str(r.wire.mimeType) && codeSpan(r.wire.mimeType as string))] }));
  const templatesSection = ir.resourceTemplates.length ? section('Resource templates') : undefined;
  const resourceTemplates = ir.resourceTemplates.map((t) => ({
    ...named(t),
    facts: [
      ...fact('URI template', codeSpan(t.uriTemplate)),
      ...fact('Variables', t.variables.map((v) => codeSpan(v.name)).join(', ')),
      ...fact('MIME type', str(t.wire.mimeType) && codeSpan(t.wire.mimeType as string)),
    ],
  }));
  const promptsSection = ir.prompts.length ? section('Prompts') : undefined;
  const prompts = ir.prompts.map((p) => ({
    ...named(p),
    facts: [],
    rows: p.arguments.map((a) => ({
      name: codeSpan(a.name, true),
      type: codeSpan('string', true),
      required: a.required ? 'yes' : '',
      default: '',
      values: '',
      format: '',
      description: cellText(a.description ?? ''),
    })),
  }));

  const scopeUsers = new Map<string, string[]>();
  for (const t of tools.keys()) for (const scope of ir.tools[t]!.requiredScopes) scopeUsers.set(scope, [...(scopeUsers.get(scope) ?? []), `[${tools[t]!.heading}](#${tools[t]!.anchor})`]);
  const capabilities = [ir.tools.length && 'tools', (ir.resources.length || ir.resourceTemplates.length) && 'resources', ir.prompts.length && 'prompts'].filter(Boolean) as string[];
  const snippets = clientSetup(ir);
  const env = publishInfo(ir).environmentVariables;
  const droppedFields = [...new Set(ir.dropped.map((d) => `${d.definition}.${d.field}`))].sort();
  const icons = Array.isArray(s.icons) ? s.icons.map((i) => (isJsonObject(i) && typeof i.src === 'string' ? urlLink(i.src) : '')).filter(Boolean) : [];

  return {
    title: inlineText(titleText),
    anchor,
    revision: codeSpan(ir.revision.id),
    name: codeSpan(s.name),
    version: codeSpan(s.version),
    ...(str(s.description) ? { description: blockText(s.description as string) } : {}),
    ...(str(s.websiteUrl) ? { website: urlLink(s.websiteUrl as string) } : {}),
    ...(icons.length ? { icons: icons.join(', ') } : {}),
    ...(str(ir.instructions) ? { instructions: blockText(ir.instructions as string) } : {}),
    capabilities: capabilities.length ? capabilities.map((c) => codeSpan(c)).join(', ') : 'none',
    transports: [
      { name: 'stdio', detail: codeSpan('npm start -- --stdio') },
      {
        name: 'Streamable HTTP',
        detail: `${codeSpan('npm start -- --port 3000')} serves ${codeSpan(LOCAL_HTTP_URL)}${ir.features.statelessHttp ? ' (stateless: no sessions)' : ' (one session per client)'}`,
      },
    ],
    ...(ir.auth
      ? {
          auth: {
            resource: urlLink(ir.auth.resource),
            authorizationServers: ir.auth.authorizationServers.map(urlLink).join(', '),
            scopes: ir.auth.scopes.map((scope) => ({ scope: codeSpan(scope, true), items: (scopeUsers.get(scope) ?? []).join(', ') })),
          },
        }
      : {}),
    ...(env.length
      ? {
          environment: env.map((v) => ({
            name: codeSpan(v.name, true),
            secret: v.isSecret ? 'yes' : '',
            required: v.isRequired ? 'yes' : '',
            description: cellText(v.description ?? ''),
          })),
        }
      : {}),
    ...(droppedFields.length ? { revisionNote: { revision: codeSpan(ir.revision.id), fields: droppedFields.map((f) => codeSpan(f)).join(', ') } } : {}),
    contents: [setupSection, serverSection, toolsSection, resourcesSection, templatesSection, promptsSection].filter((l): l is LinkView => !!l),
    sections: {
      setup: setupSection,
      server: serverSection,
      ...(toolsSection ? { tools: toolsSection } : {}),
      ...(resourcesSection ? { resources: resourcesSection } : {}),
      ...(templatesSection ? { resourceTemplates: templatesSection } : {}),
      ...(promptsSection ? { prompts: promptsSection } : {}),
    },
    tools,
    resources,
    resourceTemplates,
    prompts,
    setup: {
      npx: fencedBlock(snippets.npx, 'sh'),
      stdio: fencedBlock(JSON.stringify(snippets.stdio, null, 2), 'json'),
      http: fencedBlock(JSON.stringify(snippets.http, null, 2), 'json'),
      httpNote: snippets.httpUrlIsLocal ? `The server runs locally here (${codeSpan('npm start -- --port 3000')}); put your deployment's URL in its place.` : '',
      mcpJson: fencedBlock(JSON.stringify(snippets.mcpJson, null, 2), 'json'),
    },
    snippets,
  };
}
