/**
 * Per-operation scopes from the manifest's `auth` section: `tools/call` by
 * tool name, `resources/read` by resource URI or template name, `prompts/get`
 * by prompt name. The target of a `resources/read` is found exactly as the
 * SDK's handler finds it (URL-normalized exact URI, then the first matching
 * template in registration order), so a request cannot reach a resource by a
 * spelling the check does not see. The decision itself is the SDK's
 * `requireScopes`.
 */
import {
  requireScopes,
  UriTemplate,
  type AuthInfo,
  type JSONRPCRequest,
  type ScopeChallengeHandler,
} from '@modelcontextprotocol/server';
import { AUTH, RESOURCE_TEMPLATES } from './metadata.js';

type Checker = ScopeChallengeHandler | undefined;

function checkers(table: Record<string, string[]> | undefined): Map<string, ScopeChallengeHandler> {
  const out = new Map<string, ScopeChallengeHandler>();
  for (const [key, scopes] of Object.entries(table ?? {})) {
    const [first, ...rest] = scopes;
    if (first !== undefined) out.set(key, requireScopes(first, ...rest));
  }
  return out;
}

const tools = checkers(AUTH?.toolScopes);
const prompts = checkers(AUTH?.promptScopes);
const resources = checkers(AUTH?.resourceScopes);
// Typed by assignment (no cast): with no templates in the manifest the table is `{}`.
const templateWires: Readonly<Record<string, { name: string; uriTemplate: string }>> =
  RESOURCE_TEMPLATES;
const templates = Object.values(templateWires).map((t) => ({
  name: t.name,
  template: new UriTemplate(t.uriTemplate),
}));

function resourceChecker(uri: string): Checker {
  let normalized: string;
  try {
    normalized = new URL(uri).toString();
  } catch {
    return undefined; // the SDK refuses an unparsable URI itself
  }
  const exact = resources.get(normalized);
  if (exact) return exact;
  for (const t of templates) if (t.template.match(normalized)) return resources.get(t.name);
  return undefined;
}

function checkerFor(message: { method?: unknown; params?: unknown }): Checker {
  const params = (message.params ?? {}) as { name?: unknown; uri?: unknown };
  switch (message.method) {
    case 'tools/call':
      return typeof params.name === 'string' ? tools.get(params.name) : undefined;
    case 'prompts/get':
      return typeof params.name === 'string' ? prompts.get(params.name) : undefined;
    case 'resources/read':
      return typeof params.uri === 'string' ? resourceChecker(params.uri) : undefined;
    default:
      return undefined;
  }
}

/** The scopes the first request in `messages` needs and `authInfo` lacks, or undefined. */
export async function missingScopes(
  messages: unknown[],
  authInfo: AuthInfo,
): Promise<string[] | undefined> {
  for (const m of messages) {
    if (!m || typeof m !== 'object' || !('id' in m)) continue;
    const checker = checkerFor(m as { method?: unknown; params?: unknown });
    const challenge = await checker?.({ authInfo, request: m as JSONRPCRequest });
    if (challenge) return [...challenge.scopes];
  }
  return undefined;
}
