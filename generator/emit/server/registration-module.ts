/**
 * `src/generated/create-server.ts`: an `McpServer` with every tool, resource,
 * template and prompt registered from the wire metadata, validators and the
 * user's handlers. One call per item through the generic helpers of
 * `register.ts`, so each handler is checked against its own types, with no
 * casts. Manifest strings appear only through `stringLiteral`; everything else
 * is IR identifiers.
 */
import type { IR, IrPrompt, IrResourceTemplate, IrTool } from '../../ir/model.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';
import { stringLiteral } from '../shared/safe-code.js';
import { capabilityRegistrations } from './capability-handlers.js';
import { callStatement, importNames, joinedBy } from '../shared/code-layout.js';

function templateVariables(t: IrResourceTemplate): string {
  const fields = t.variables.map((v) => {
    const read = v.list ? 'list' : v.optional ? 'optionalText' : 'text';
    return `${v.identifier}: ${read}(v, ${stringLiteral(v.name)})`;
  });
  return `(v) => ({ ${fields.join(', ')} })`;
}

function promptArguments(p: IrPrompt): string {
  const fields = p.arguments.map((a) => `${a.identifier}: ${a.required ? 'argument' : 'optionalArgument'}(a, ${stringLiteral(a.name)})`);
  return `(a) => ({ ${fields.join(', ')} })`;
}

/** Each tool's registration, by IR tool (an unchanged tool is the same object in the next `generate --watch` run). */
const toolLines = new ObjectMemo<IrTool, { structured: boolean; line: string }>();

function toolLine(t: IrTool, structured: boolean): string {
  const output = t.outputSchema ? `${t.identifier}Output` : 'undefined';
  const validation = `{ input: ${t.identifier}Input, output: ${output}, structuredContent: ${structured} }`;
  return callStatement('  ', 'registerTool', ['server', `TOOLS.${t.identifier}`, validation, `handlers.tools.${t.identifier}`]);
}

/** The module as parts joined with nothing between them, a part per registration (output/parted-text.ts). */
export function registrationModuleParts(ir: IR): string[] {
  const used = new Set<string>(['registerTool', 'registerResource', 'registerTemplate', 'registerPrompt']);
  const lines: string[] = [];
  const structured = ir.features.structuredContent;
  for (const t of ir.tools) {
    let known = toolLines.get(t);
    if (known?.structured !== structured) toolLines.set(t, (known = { structured, line: toolLine(t, structured) }));
    lines.push(known.line);
  }
  for (const r of ir.resources) lines.push(callStatement('  ', 'registerResource', ['server', `RESOURCES.${r.identifier}`, `handlers.resources.${r.identifier}`]));
  for (const t of ir.resourceTemplates) {
    for (const v of t.variables) used.add(v.list ? 'list' : v.optional ? 'optionalText' : 'text');
    lines.push(
      callStatement('  ', 'registerTemplate', ['server', `RESOURCE_TEMPLATES.${t.identifier}`, templateVariables(t), `handlers.resourceTemplates.${t.identifier}`]),
    );
  }
  for (const p of ir.prompts) {
    for (const a of p.arguments) used.add(a.required ? 'argument' : 'optionalArgument');
    lines.push(callStatement('  ', 'registerPrompt', ['server', `PROMPTS.${p.identifier}`, promptArguments(p), `handlers.prompts.${p.identifier}`]));
  }
  const capabilities = capabilityRegistrations(ir);
  for (const name of capabilities.imports) used.add(name);
  lines.push(...capabilities.lines);
  const validatorNames = ir.tools.flatMap((t) => [`${t.identifier}Input`, ...(t.outputSchema ? [`${t.identifier}Output`] : [])]);
  const head = `import { McpServer } from '@modelcontextprotocol/server';
import { PROMPTS, RESOURCE_TEMPLATES, RESOURCES, SERVER_INFO, TOOLS } from './metadata.js';
${importNames('import', [...used].sort(), './register.js')}
import { serverInfo } from './sdk-compat.js';
import { serverOptions } from './server-options.js';
import type { Handlers } from './types.js';
${validatorNames.length ? importNames('import', validatorNames, './validators/index.js') : ''}

/** A server with everything in the manifest registered on it; one per session or request. */
export function createMcpServer(handlers: Handlers): McpServer {
  const server = new McpServer(serverInfo(SERVER_INFO), serverOptions());
`;
  return [head, ...joinedBy('\n', lines), `
  return server;
}
`];
}
