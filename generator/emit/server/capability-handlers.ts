/**
 * Handlers the manifest's `capabilities` require from the user, typed and
 * stubbed like tool handlers:
 *
 * - `completions`: one `complete` handler whose request is a union of the
 *   manifest's prompts (with their argument names) and resource templates
 *   (with their variable names), in `src/handlers/completions.ts`;
 * - `resources.subscribe`: `subscribe` and `unsubscribe`, in
 *   `src/handlers/subscriptions.ts`.
 *
 * Logging needs no user code: the SDK answers `logging/setLevel` once the
 * capability is declared.
 */
import type { IR } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import { jsLiteral } from '../shared/safe-code.js';

export const COMPLETIONS_FILE = 'src/handlers/completions.ts';
export const SUBSCRIPTIONS_FILE = 'src/handlers/subscriptions.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function declaresCompletions(ir: IR): boolean {
  return isObject(ir.capabilities) && ir.capabilities.completions !== undefined;
}

export function declaresSubscriptions(ir: IR): boolean {
  return isObject(ir.capabilities) && isObject(ir.capabilities.resources) && ir.capabilities.resources.subscribe === true;
}

function union(names: string[]): string {
  return names.length ? names.map((n) => jsLiteral(n)).join(' | ') : 'never';
}

/** Declarations appended to `types.ts`, and the members they add to `Handlers`. */
export function capabilityTypes(ir: IR): { declarations: string[]; members: string[] } {
  const declarations: string[] = [];
  const members: string[] = [];
  if (declaresCompletions(ir)) {
    const refs = [
      ...ir.prompts.map(
        (p) => `  | { ref: { type: 'ref/prompt'; name: ${jsLiteral(p.name)} }; argument: { name: ${union(p.arguments.map((a) => a.name))}; value: string }; context: CompletionContext }`,
      ),
      ...ir.resourceTemplates.map(
        (t) => `  | { ref: { type: 'ref/resource'; uri: ${jsLiteral(t.uriTemplate)} }; argument: { name: ${union(t.variables.map((v) => v.name))}; value: string }; context: CompletionContext }`,
      ),
    ];
    declarations.push(`/** Values already given for the other arguments or variables. */
export interface CompletionContext {
  arguments?: Record<string, string> | undefined;
}

/** A completion request for one of the manifest's prompt arguments or template variables. */
export type CompletionRequest =
${refs.length ? refs.join('\n') : '  never'};

/** Suggested values (at most 100), with the total when known. */
export interface Completion {
  values: string[];
  total?: number;
  hasMore?: boolean;
}

/** Completes prompt arguments and template variables (capabilities.completions). */
export type CompleteHandler = (request: CompletionRequest, ctx: ServerContext) => MaybePromise<Completion>;`);
    members.push('  complete: CompleteHandler;');
  }
  if (declaresSubscriptions(ir)) {
    declarations.push(`/** Starts or stops sending notifications/resources/updated for a resource (capabilities.resources.subscribe). */
export type SubscriptionHandler = (uri: string, ctx: ServerContext) => MaybePromise<void>;`);
    members.push('  subscribe: SubscriptionHandler;', '  unsubscribe: SubscriptionHandler;');
  }
  return { declarations, members };
}

/** Imports and members for `handlers.ts`. */
export function capabilityHandlerEntries(ir: IR): { imports: string[]; members: string[] } {
  const imports: string[] = [];
  const members: string[] = [];
  if (declaresCompletions(ir)) {
    imports.push(`import { complete as $complete } from '../handlers/completions.js';`);
    members.push('  complete: $complete,');
  }
  if (declaresSubscriptions(ir)) {
    imports.push(`import { subscribe as $subscribe, unsubscribe as $unsubscribe } from '../handlers/subscriptions.js';`);
    members.push('  subscribe: $subscribe,', '  unsubscribe: $unsubscribe,');
  }
  return { imports, members };
}

/** Registration lines for `create-server.ts`. */
export function capabilityRegistrations(ir: IR): { imports: string[]; lines: string[] } {
  const imports: string[] = [];
  const lines: string[] = [];
  if (declaresCompletions(ir)) {
    const prompts = Object.fromEntries(ir.prompts.map((p) => [p.name, p.arguments.map((a) => a.name)]));
    const templates = Object.fromEntries(ir.resourceTemplates.map((t) => [t.uriTemplate, t.variables.map((v) => v.name)]));
    imports.push('registerCompletions');
    lines.push(`  registerCompletions(server, { prompts: ${jsLiteral(prompts)}, templates: ${jsLiteral(templates)} }, handlers.complete);`);
  }
  if (declaresSubscriptions(ir)) {
    imports.push('registerSubscriptions');
    lines.push('  registerSubscriptions(server, handlers.subscribe, handlers.unsubscribe);');
  }
  return { imports, lines };
}

/** User-owned stubs, created once. */
export function capabilityStubs(ir: IR): OutputFile[] {
  const files: OutputFile[] = [];
  if (declaresCompletions(ir)) {
    files.push({
      path: COMPLETIONS_FILE,
      owner: 'user',
      contents: `import type { CompleteHandler } from '../generated/types.js';

/**
 * Completion of prompt arguments and template variables (capabilities.completions).
 *
 * Your code: mcpgen created this file once and never overwrites it.
 */
export const complete: CompleteHandler = async (_request, _ctx) => ({ values: [] });
`,
    });
  }
  if (declaresSubscriptions(ir)) {
    files.push({
      path: SUBSCRIPTIONS_FILE,
      owner: 'user',
      contents: `import type { SubscriptionHandler } from '../generated/types.js';

/**
 * Resource subscriptions (capabilities.resources.subscribe): remember the uri
 * and send notifications/resources/updated (ctx.mcpReq.notify) when it changes.
 *
 * Your code: mcpgen created this file once and never overwrites it.
 */
export const subscribe: SubscriptionHandler = async (uri, _ctx) => {
  throw new Error(\`Subscriptions are not implemented yet (edit ${SUBSCRIPTIONS_FILE}); cannot subscribe to \${uri}.\`);
};

export const unsubscribe: SubscriptionHandler = async (_uri, _ctx) => {};
`,
    });
  }
  return files;
}
