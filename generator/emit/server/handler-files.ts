/**
 * The user layer and its link to the generated one. Stubs
 * (`src/handlers/<kind>/<identifier>.ts`) are user-owned: created once, then
 * never touched. `src/generated/handlers.ts` imports each of them and checks
 * the set with `satisfies Handlers`, so a stub whose tool changed shape fails
 * to compile, and a stub whose tool was removed fails to compile too (its
 * handler type no longer exists) instead of being deleted.
 */
import type { IR, IrNamed } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import { jsDoc, jsLiteral, stringLiteral } from '../shared/safe-code.js';
import { capabilityHandlerEntries } from './capability-handlers.js';
import { handlerPath, type HandlerKind } from './paths.js';
import { joinedBy } from '../shared/code-layout.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';

const KIND_LABEL: Record<HandlerKind, string> = {
  tools: 'Tool',
  resources: 'Resource',
  resourceTemplates: 'Resource template',
  prompts: 'Prompt',
};

function items(ir: IR): [HandlerKind, IrNamed[]][] {
  return [
    ['tools', ir.tools],
    ['resources', ir.resources],
    ['resourceTemplates', ir.resourceTemplates],
    ['prompts', ir.prompts],
  ];
}

/** Local import name: `$` never occurs in IR identifiers, so these cannot clash with them or with `handlers`. */
function local(kind: HandlerKind, identifier: string): string {
  return `$${kind}$${identifier}`;
}

/** Each item's import and table line, by IR item (the same object in the next `generate --watch` run when unchanged). */
const indexLines = new ObjectMemo<IrNamed, { importLine: string; entry: string }>();

function indexLinesOf(kind: HandlerKind, i: IrNamed): { importLine: string; entry: string } {
  return {
    importLine: `import { handler as ${local(kind, i.identifier)} } from '../${handlerPath(kind, i.identifier).slice('src/'.length, -3)}.js';`,
    entry: `    ${i.identifier}: ${local(kind, i.identifier)},`,
  };
}

/** The module as parts joined with nothing between them, an import and an entry per item (output/parted-text.ts). */
export function handlersIndexModuleParts(ir: IR): string[] {
  const imports: string[] = [];
  // Each group as its parts; the groups go one per line.
  const groups: string[][] = [];
  for (const [kind, list] of items(ir)) {
    const lines = list.map((i) => indexLines.of(i, () => indexLinesOf(kind, i)));
    for (const l of lines) imports.push(l.importLine);
    groups.push([`  ${kind}: {\n`, ...joinedBy('\n', lines.map((l) => l.entry)), '\n  },']);
  }
  const capabilities = capabilityHandlerEntries(ir);
  imports.push(...capabilities.imports);
  for (const member of capabilities.members) groups.push([member]);
  const auth = ir.auth
    ? `import { verifyToken as userVerifyToken } from '../auth.js';\n\n/** The bearer-token check from src/auth.ts. */\nexport const verifyToken: VerifyToken | undefined = userVerifyToken;`
    : `/** The manifest declares no auth section. */\nexport const verifyToken: VerifyToken | undefined = undefined;`;
  return [
    ...joinedBy('\n', imports),
    `
import { setup as userSetup } from '../setup.js';
import type { VerifyToken } from './http.js';
import type { Handlers } from './types.js';
import type { McpServer } from '@modelcontextprotocol/server';

/** The user's handlers, checked against the manifest. */
export const handlers = {
`,
    ...groups.flatMap((g, i) => (i > 0 ? ['\n', ...g] : g)),
    `
} satisfies Handlers;

${auth}

/** The user's per-server hook from src/setup.ts. */
export const setup: (server: McpServer) => void = userSetup;
`,
  ];
}

function stubBody(kind: HandlerKind, i: IrNamed): string {
  const file = handlerPath(kind, i.identifier);
  const message = `${KIND_LABEL[kind]} "${i.name}" is not implemented yet (edit ${file}).`;
  switch (kind) {
    case 'tools':
      return `async (_input, _ctx) => ({
  isError: true,
  content: [{ type: 'text', text: ${stringLiteral(message)} }],
});`;
    // ToolError: the message is meant for the client (any other thrown error is logged and hidden).
    case 'resources':
      return `async (_uri, _ctx) => {
  throw new ToolError(${stringLiteral(message)});
};`;
    case 'resourceTemplates':
      return `async (_uri, _variables, _ctx) => {
  throw new ToolError(${stringLiteral(message)});
};`;
    case 'prompts':
      return `async (_args, _ctx) => {
  throw new ToolError(${stringLiteral(message)});
};`;
  }
}

/** Each item's stub, by IR item (an unchanged item is the same object in the next `generate --watch` run; each is of one kind). */
const stubs = new ObjectMemo<IrNamed, OutputFile>();

export function stubFiles(ir: IR): OutputFile[] {
  const files: OutputFile[] = [];
  for (const [kind, list] of items(ir)) {
    for (const i of list) files.push(stubs.of(i, () => stubFile(kind, i)));
  }
  return files;
}

function stubFile(kind: HandlerKind, i: IrNamed): OutputFile {
  const doc = jsDoc(
    `${KIND_LABEL[kind]} ${jsLiteral(i.name)}.\n\nYour code: mcpgen created this file once and never overwrites it. The handler type comes from the manifest; regenerate after changing the manifest and fix what no longer compiles.`,
  );
  return {
    path: handlerPath(kind, i.identifier),
    owner: 'user',
    contents: `${kind === 'tools' ? '' : "import { ToolError } from '../../generated/errors.js';\n"}import type { ${i.typeName}Handler } from '../../generated/types.js';

${doc}export const handler: ${i.typeName}Handler = ${stubBody(kind, i)}
`,
  };
}
