/**
 * `src/generated/client.ts`: the typed client class. One method per tool
 * (typed arguments, typed structured result, `ToolError` on `isError`), a
 * reader per fixed resource, a URI builder and a reader per template, a
 * typed `getPrompt` per prompt, completions for template variables and
 * prompt arguments, connection helpers pinned to the manifest's revision,
 * and `verify()`. Manifest strings only ever enter as JSON literals or
 * comment text; member names come from IR identifiers.
 */
import type { IR, IrResourceTemplate } from '../../ir/model.js';
import { NameScope, toPascalCase } from '../../ir/naming.js';
import { importNames } from '../shared/code-layout.js';
import { jsDoc, jsLiteral, stringLiteral } from '../shared/safe-code.js';

/** Members of the generated class that manifest-derived names must not take. */
const CLASS_MEMBERS = ['sdk', 'settings', 'close', 'verify', 'connect', 'connectStdio', 'connectHttp', 'wrap', 'prototype', 'constructor', 'name', 'length'];

/** Query (`{?x}`, `{&x}`), parameter (`{;x}`) and fragment (`{#x}`) variables may be left out; path parts may not. */
function optionalVariables(t: IrResourceTemplate): Set<string> {
  const optional = new Set<string>();
  for (const m of t.uriTemplate.matchAll(/\{([?&;#/.+]?)([^{}]*)\}/g)) {
    if (!m[1] || !'?&;#'.includes(m[1])) continue;
    for (const spec of m[2]!.split(',')) optional.add(spec.replace(/\*$/, '').replace(/:\d+$/, '').trim());
  }
  return optional;
}

function describe(kind: string, name: string, wire: Record<string, unknown>): string {
  const title = typeof wire.title === 'string' ? wire.title : undefined;
  const description = typeof wire.description === 'string' ? wire.description : undefined;
  return [`${kind} ${jsLiteral(name)}${title ? `: ${title}` : ''}.`, description].filter(Boolean).join('\n\n');
}

/** The class name: `<Server>Client` from the server name. */
export function clientClassName(ir: IR): string {
  const base = toPascalCase(ir.server.name);
  return `${/^[A-Za-z]/.test(base) ? base : `Mcp${base}`}Client`;
}

export function clientModule(ir: IR): string {
  const members = new NameScope(CLASS_MEMBERS);
  const className = clientClassName(ir);
  const imports: string[] = [
    importNames('import type', ['Client', 'CompleteResult', 'GetPromptResult', 'ReadResourceResult', 'RequestOptions', 'Tool', 'Transport'], '@modelcontextprotocol/client'),
    `import { TOOLS, RESOURCES, RESOURCE_TEMPLATES, PROMPTS, FEATURES } from './metadata.js';`,
    `import { validators } from './validators/index.js';`,
    importNames('import', ['assertRevision', 'callTool', 'connectPinned', 'type ClientMetadata', 'type ClientSettings', 'type TypedCallToolResult'], './runtime.js'),
    `import { httpTransport, stdioTransport, type HttpServer, type StdioServer } from './connect.js';`,
    `import { expandUriTemplate, type UriTemplateValue } from './uri-template.js';`,
    `import { verifyServer, type ExpectedItem, type VerifyReport } from './verify.js';`,
  ];
  const types: string[] = [];
  const methods: string[] = [];

  for (const t of ir.tools) {
    imports.push(`import type { ${t.typeName}Input } from './tools/${t.identifier}.input.js';`);
    if (t.outputSchema) imports.push(`import type { ${t.typeName}Output } from './tools/${t.identifier}.output.js';`);
    types.push(`export type { ${t.typeName}Input${t.outputSchema ? `, ${t.typeName}Output` : ''} };`);
    const method = members.claim(t.identifier, 'camel', `tool${t.typeName}`);
    const result = t.outputSchema ? `TypedCallToolResult<${t.typeName}Output>` : 'CallToolResult';
    const cast = t.outputSchema ? ` as Promise<${result}>` : '';
    methods.push(
      jsDoc(
        `${describe('Tool', t.name, t.wire)}\n\n` +
          (t.outputSchema ? 'Resolves with the result; `structuredContent` is validated against the output schema.' : 'Resolves with the result.') +
          '\n@throws InvalidArgumentsError before sending when `args` break the input schema.\n@throws ToolError when the server answers with `isError: true`.',
        '  ',
      ) + `  ${method}(args: ${t.typeName}Input, options?: RequestOptions): Promise<${result}> {\n    return callTool(this.sdk, META, this.settings, ${stringLiteral(t.identifier)}, args, options)${cast};\n  }\n`,
    );
  }
  for (const r of ir.resources) {
    const method = members.claim(`read ${r.typeName}`, 'camel', `read${r.typeName}`);
    methods.push(
      jsDoc(describe('Resource', r.name, r.wire), '  ') +
        `  ${method}(options?: RequestOptions): Promise<ReadResourceResult> {\n    return this.sdk.readResource({ uri: RESOURCES[${stringLiteral(r.identifier)}]!.uri }, options);\n  }\n`,
    );
  }
  for (const t of ir.resourceTemplates) {
    const optional = optionalVariables(t);
    const fields = t.variables.map(
      (v) => `${jsDoc(`URI variable ${jsLiteral(v.name)}.`, '  ')}  ${v.identifier}${optional.has(v.name) ? '?: UriTemplateValue | undefined' : ': UriTemplateValue'};`,
    );
    types.push(`export interface ${t.typeName}Variables {\n${fields.join('\n')}\n}`);
    const wireVars = `{ ${t.variables.map((v) => `${stringLiteral(v.name)}: variables.${v.identifier}`).join(', ')} }`;
    const uriMethod = members.claim(`${t.typeName} uri`, 'camel', `${t.identifier}Uri`);
    const readMethod = members.claim(`read ${t.typeName}`, 'camel', `read${t.typeName}`);
    const completeMethod = members.claim(`complete ${t.typeName}`, 'camel', `complete${t.typeName}`);
    const varNames = t.variables.map((v) => stringLiteral(v.name)).join(' | ') || 'never';
    methods.push(
      jsDoc(`The URI of ${describe('resource template', t.name, t.wire)}\n\nExpanded per RFC 6570 (values percent-encoded as the operator requires).`, '  ') +
        `  static ${uriMethod}(variables: ${t.typeName}Variables): string {\n    return expandUriTemplate(RESOURCE_TEMPLATES[${stringLiteral(t.identifier)}]!.uriTemplate, ${wireVars});\n  }\n`,
      jsDoc(`Reads ${describe('resource template', t.name, t.wire)}`, '  ') +
        `  ${readMethod}(variables: ${t.typeName}Variables, options?: RequestOptions): Promise<ReadResourceResult> {\n    return this.sdk.readResource({ uri: ${className}.${uriMethod}(variables) }, options);\n  }\n`,
      jsDoc(`Completions for a variable of resource template ${jsLiteral(t.name)} (the server must support completions).`, '  ') +
        `  ${completeMethod}(variable: ${varNames}, value: string, context?: Record<string, string>, options?: RequestOptions): Promise<CompleteResult> {\n` +
        `    return this.sdk.complete({ ref: { type: 'ref/resource', uri: RESOURCE_TEMPLATES[${stringLiteral(t.identifier)}]!.uriTemplate }, argument: { name: variable, value }, ...(context ? { context: { arguments: context } } : {}) }, options);\n  }\n`,
    );
  }
  for (const p of ir.prompts) {
    const fields = p.arguments.map(
      (a) => `${jsDoc([`Argument ${jsLiteral(a.name)}.`, a.description].filter(Boolean).join('\n\n'), '  ')}  ${a.identifier}${a.required ? ': string' : '?: string | undefined'};`,
    );
    types.push(`export interface ${p.typeName}Arguments {\n${fields.join('\n')}\n}`);
    const method = members.claim(`get ${p.typeName} prompt`, 'camel', `get${p.typeName}Prompt`);
    const completeMethod = members.claim(`complete ${p.typeName} prompt`, 'camel', `complete${p.typeName}Prompt`);
    const required = p.arguments.some((a) => a.required);
    const wireArgs = p.arguments.length
      ? `wireArguments({ ${p.arguments.map((a) => `${stringLiteral(a.name)}: args.${a.identifier}`).join(', ')} })`
      : '{}';
    const argNames = p.arguments.map((a) => stringLiteral(a.name)).join(' | ') || 'never';
    methods.push(
      jsDoc(describe('Prompt', p.name, p.wire), '  ') +
        `  ${method}(args: ${p.typeName}Arguments${required ? '' : ' = {}'}, options?: RequestOptions): Promise<GetPromptResult> {\n` +
        `    ${p.arguments.length ? '' : 'void args;\n    '}return this.sdk.getPrompt({ name: PROMPTS[${stringLiteral(p.identifier)}]!.name, arguments: ${wireArgs} }, options);\n  }\n`,
      jsDoc(`Completions for an argument of prompt ${jsLiteral(p.name)} (the server must support completions).`, '  ') +
        `  ${completeMethod}(argument: ${argNames}, value: string, context?: Record<string, string>, options?: RequestOptions): Promise<CompleteResult> {\n` +
        `    return this.sdk.complete({ ref: { type: 'ref/prompt', name: PROMPTS[${stringLiteral(p.identifier)}]!.name }, argument: { name: argument, value }, ...(context ? { context: { arguments: context } } : {}) }, options);\n  }\n`,
    );
  }

  const expected = [
    ...ir.tools.map((t) => `{ kind: 'tool', name: TOOLS[${stringLiteral(t.identifier)}]!.name, wire: TOOLS[${stringLiteral(t.identifier)}]! }`),
    ...ir.resources.map((r) => `{ kind: 'resource', name: RESOURCES[${stringLiteral(r.identifier)}]!.name, wire: RESOURCES[${stringLiteral(r.identifier)}]! }`),
    ...ir.resourceTemplates.map(
      (t) => `{ kind: 'resourceTemplate', name: RESOURCE_TEMPLATES[${stringLiteral(t.identifier)}]!.name, wire: RESOURCE_TEMPLATES[${stringLiteral(t.identifier)}]! }`,
    ),
    ...ir.prompts.map((p) => `{ kind: 'prompt', name: PROMPTS[${stringLiteral(p.identifier)}]!.name, wire: PROMPTS[${stringLiteral(p.identifier)}]! }`),
  ];

  return `${imports.join('\n')}
import type { CallToolResult } from '@modelcontextprotocol/client';

${types.join('\n\n')}
export type { CallToolResult, ClientSettings, TypedCallToolResult, VerifyReport, UriTemplateValue };

/** The MCP revision this client was generated for; connecting to a server that negotiates another fails. */
export const REVISION = ${stringLiteral(ir.revision.id)};

const META: ClientMetadata = {
  revision: REVISION,
  discover: FEATURES.statelessHttp,
  tools: TOOLS as unknown as Record<string, Tool>,
  validators,
};

const EXPECTED: ExpectedItem[] = [
${expected.map((e) => `  ${e},`).join('\n')}
];

/** Prompt arguments on the wire: only those given. */
function wireArguments(args: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) out[k] = v;
  return out;
}

${jsDoc(`A typed client for ${describe('server', ir.server.name, ir.server)}\n\nGenerated for MCP revision ${ir.revision.id}. Wraps a connected SDK \`Client\` (\`sdk\`, still usable for anything not covered here).`)}export class ${className} {
  private constructor(
    readonly sdk: Client,
    private readonly settings: ClientSettings,
  ) {}

  /** Wraps an SDK client that is already connected; throws RevisionMismatchError when it negotiated another revision. */
  static async wrap(sdk: Client, settings: ClientSettings = {}): Promise<${className}> {
    await assertRevision(META, sdk, settings);
    return new ${className}(sdk, settings);
  }

  /** Connects over any transport, offering only revision ${ir.revision.id}. */
  static async connect(
    transport: Transport,
    settings: ClientSettings = {},
    options?: RequestOptions,
  ): Promise<${className}> {
    return new ${className}(await connectPinned(META, transport, settings, options), settings);
  }

  /** Starts the server as a child process and connects over stdio. */
  static connectStdio(
    server: StdioServer,
    settings: ClientSettings = {},
    options?: RequestOptions,
  ): Promise<${className}> {
    return ${className}.connect(stdioTransport(server), settings, options);
  }

  /** Connects over Streamable HTTP (headers, bearer token or OAuth through \`authProvider\`). */
  static connectHttp(
    server: HttpServer,
    settings: ClientSettings = {},
    options?: RequestOptions,
  ): Promise<${className}> {
    return ${className}.connect(httpTransport(server), settings, options);
  }

  close(): Promise<void> {
    return this.sdk.close();
  }

  /** Compares the server's tools, resources, templates and prompts with the manifest: missing, extra, changed (schema hashes). */
  verify(): Promise<VerifyReport> {
    return verifyServer(this.sdk, EXPECTED);
  }

${methods.join('\n')}}
`;
}
