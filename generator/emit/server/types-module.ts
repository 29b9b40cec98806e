/**
 * The typed surface users implement: `src/generated/types.ts` with one handler
 * type per tool, resource, template and prompt, gathered in `Handlers`. The
 * per-tool schema types it imports (`tools/<identifier>.input.ts`, `.output.ts`)
 * are shared artifacts (pipeline/tool-artifacts.ts).
 */
import type { IR, IrTool } from '../../ir/model.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';
import { jsDoc, jsLiteral } from '../shared/safe-code.js';
import { capabilityTypes } from './capability-handlers.js';
import { functionType, importNames, joinedBy } from '../shared/code-layout.js';

/** Exploded variables are lists (empty when absent); query and prefixed forms may be absent. */
function variableType(v: { list: boolean; optional: boolean }): string {
  if (v.list) return ': string[]';
  return v.optional ? '?: string | undefined' : ': string';
}

function describe(kind: string, name: string, wire: Record<string, unknown>): string {
  const title = typeof wire.title === 'string' ? wire.title : undefined;
  const description = typeof wire.description === 'string' ? wire.description : undefined;
  return [`${kind} ${jsLiteral(name)}${title ? `: ${title}` : ''}.`, description].filter(Boolean).join('\n\n');
}

/** Each tool's lines, by IR tool (an unchanged tool is the same object in the next `generate --watch` run). */
const toolTexts = new ObjectMemo<IrTool, { imports: string; handler: string }>();

function toolText(t: IrTool): { imports: string; handler: string } {
  const imports = [
    `import type { ${t.typeName}Input } from './tools/${t.identifier}.input.js';`,
    `export type { ${t.typeName}Input } from './tools/${t.identifier}.input.js';`,
    ...(t.outputSchema
      ? [`import type { ${t.typeName}Output } from './tools/${t.identifier}.output.js';`, `export type { ${t.typeName}Output } from './tools/${t.identifier}.output.js';`]
      : []),
  ].join('\n');
  // With an outputSchema: structuredContent of the output type (or a tool error); without: content only.
  const result = t.outputSchema ? `ToolResult<${t.typeName}Output>` : 'ToolResult';
  const handler =
    jsDoc(describe('Tool', t.name, t.wire)) + functionType(`${t.typeName}Handler`, [`input: ${t.typeName}Input`, 'ctx: ServerContext'], `MaybePromise<${result}>`);
  return { imports, handler };
}

/**
 * The module as parts joined with nothing between them, each tool's lines
 * their own parts (the same strings from run to run for an unchanged tool):
 * the write stage hashes and writes it from its parts (output/parted-text.ts).
 */
export function typesModuleParts(ir: IR): string[] {
  const out: string[] = [
    importNames('import type', ['CallToolResult', 'GetPromptResult', 'ReadResourceResult', 'ServerContext'], '@modelcontextprotocol/server'),
    `import type { MaybePromise, ToolResult } from './runtime.js';`,
  ];
  const tools = ir.tools.map((t) => toolTexts.of(t, toolText));
  for (const t of tools) out.push(t.imports);
  out.push(`export type { CallToolResult, GetPromptResult, ReadResourceResult, ServerContext, ToolResult };`, '');
  for (const t of tools) out.push(t.handler);
  for (const r of ir.resources) {
    out.push(
      jsDoc(describe('Resource', r.name, r.wire)) +
        functionType(`${r.typeName}Handler`, ['uri: URL', 'ctx: ServerContext'], 'MaybePromise<ReadResourceResult>'),
    );
  }
  for (const t of ir.resourceTemplates) {
    const fields = t.variables.map((v) => `${jsDoc(`URI variable ${jsLiteral(v.name)}, percent-decoded.`, '  ')}  ${v.identifier}${variableType(v)};`);
    out.push(`export interface ${t.typeName}Variables {\n${fields.join('\n')}\n}`);
    out.push(
      jsDoc(describe('Resource template', t.name, t.wire)) +
        functionType(`${t.typeName}Handler`, ['uri: URL', `variables: ${t.typeName}Variables`, 'ctx: ServerContext'], 'MaybePromise<ReadResourceResult>'),
    );
  }
  for (const p of ir.prompts) {
    const fields = p.arguments.map((a) => `${jsDoc([`Argument ${jsLiteral(a.name)}.`, a.description].filter(Boolean).join('\n\n'), '  ')}  ${a.identifier}${a.required ? ': string' : '?: string | undefined'};`);
    out.push(`export interface ${p.typeName}Arguments {\n${fields.join('\n')}\n}`);
    out.push(
      jsDoc(describe('Prompt', p.name, p.wire)) +
        functionType(`${p.typeName}Handler`, [`args: ${p.typeName}Arguments`, 'ctx: ServerContext'], 'MaybePromise<GetPromptResult>'),
    );
  }

  const capabilities = capabilityTypes(ir);
  out.push(...capabilities.declarations);
  const group = (items: { identifier: string; typeName: string }[]) =>
    `{\n${items.map((i) => `    ${i.identifier}: ${i.typeName}Handler;`).join('\n')}\n  }`;
  out.push(`/** Every handler the manifest declares; \`src/generated/handlers.ts\` is checked against it. */
export interface Handlers {
  tools: ${group(ir.tools)};
  resources: ${group(ir.resources)};
  resourceTemplates: ${group(ir.resourceTemplates)};
  prompts: ${group(ir.prompts)};
${capabilities.members.map((m) => `${m}\n`).join('')}}
`);
  // CallToolResult is re-exported for handlers that build full results themselves.
  return joinedBy('\n', out);
}
