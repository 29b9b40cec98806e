/**
 * The `auth` section (HTTP transport): an https protected-resource URL, at
 * least one authorization server, and scopes (required, per tool, per
 * resource or template, per prompt) that are declared in `scopes` and name
 * things the manifest has.
 * @see ../../../../shared/docs/mcp-revisions.md "Authorization (HTTP transport)"
 */
import { closestMatch } from '../../diagnostics/did-you-mean.js';
import { joinPointer } from '../../load/json-pointer.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export const authRule: LintRule = {
  id: 'auth',
  codes: {
    'auth/no-authorization-server': { severity: 'error', title: 'No authorization server', cause: 'Protected Resource Metadata must name at least one authorization server, or clients cannot obtain a token.', fix: 'List the issuer URL under `auth.authorizationServers`.' },
    'auth/insecure-resource': { severity: 'error', title: 'Resource URL is not https', cause: 'The protected resource URL must be an absolute https URL (plain http only on localhost or 127.0.0.1), because tokens are bound to it.', fix: 'Use `https://…/mcp`.' },
    'auth/undeclared-scope': { severity: 'error', title: 'Scope not declared', cause: 'A scope in `requiredScopes`, `toolScopes`, `resourceScopes` or `promptScopes` is not listed in `auth.scopes` (scopes_supported); clients cannot request it up front.', fix: 'Add the scope to `auth.scopes`, or fix its spelling.' },
    'auth/unknown-key': { severity: 'error', title: 'Unknown key in auth', cause: 'The `auth` section has a key mcpgen does not know; a typo such as `scope` for `scopes` would otherwise be ignored silently.', fix: 'Use resource, authorizationServers, scopes, requiredScopes, toolScopes, resourceScopes or promptScopes.' },
    'auth/wrong-type': { severity: 'error', title: 'auth value of the wrong type', cause: '`authorizationServers`, `scopes` and `requiredScopes` must be arrays of strings, `resource` a string, and `toolScopes`, `resourceScopes` and `promptScopes` mappings from a name to an array of scope strings.', fix: 'Change the value to the type named in the message.' },
    'auth/unknown-tool': { severity: 'error', title: 'toolScopes names a tool that does not exist', cause: '`auth.toolScopes` has an entry for a tool the manifest does not declare; the scope would never be enforced.', fix: 'Fix the tool name, or remove the entry.' },
    'auth/unknown-resource': { severity: 'error', title: 'resourceScopes names a resource that does not exist', cause: '`auth.resourceScopes` has an entry that is neither the URI of a declared resource nor the name of a declared resource template; the scope would never be enforced.', fix: 'Use the resource\'s `uri` or the template\'s `name`, or remove the entry.' },
    'auth/unknown-prompt': { severity: 'error', title: 'promptScopes names a prompt that does not exist', cause: '`auth.promptScopes` has an entry for a prompt the manifest does not declare; the scope would never be enforced.', fix: 'Fix the prompt name, or remove the entry.' },
  },
  check({ loaded }) {
    const auth = loaded.manifest.auth as unknown;
    if (!isJsonObject(auth)) return [];
    const out: Finding[] = [...shapeFindings(auth)];
    const servers = auth.authorizationServers;
    if (!Array.isArray(servers) || servers.length === 0) {
      out.push({ code: 'auth/no-authorization-server', message: 'auth needs at least one entry in authorizationServers.', pointer: servers === undefined ? '/auth' : '/auth/authorizationServers', atKey: true });
    }
    if (!isSecureUrl(auth.resource)) {
      out.push({
        code: 'auth/insecure-resource',
        message: `auth.resource ${auth.resource === undefined ? 'is missing' : `${JSON.stringify(auth.resource)} is not an https URL`}; plain http is allowed only on localhost or 127.0.0.1.`,
        pointer: auth.resource === undefined ? '/auth' : '/auth/resource',
        atKey: auth.resource === undefined,
      });
    }
    const declared = new Set(Array.isArray(auth.scopes) ? auth.scopes.filter((s): s is string => typeof s === 'string') : []);
    const undeclared = (scopes: unknown, at: string, owner: string) => {
      if (!Array.isArray(scopes)) return;
      scopes.forEach((scope, j) => {
        if (typeof scope === 'string' && !declared.has(scope)) {
          out.push({ code: 'auth/undeclared-scope', message: `Scope "${scope}" of ${owner} is not declared in auth.scopes.`, pointer: joinPointer(at, j) });
        }
      });
    };
    undeclared(auth.requiredScopes, '/auth/requiredScopes', 'requiredScopes');
    const m = loaded.manifest;
    const tables = [
      { key: 'toolScopes', code: 'auth/unknown-tool', what: 'tool', names: new Set(m.tools.map((t) => t?.name)) },
      { key: 'resourceScopes', code: 'auth/unknown-resource', what: 'resource', names: new Set([...m.resources.map((r) => r?.uri), ...m.resourceTemplates.map((t) => t?.name)]) },
      { key: 'promptScopes', code: 'auth/unknown-prompt', what: 'prompt', names: new Set(m.prompts.map((p) => p?.name)) },
    ] as const;
    for (const { key, code, what, names } of tables) {
      const table = auth[key];
      if (!isJsonObject(table)) continue;
      for (const [name, scopes] of Object.entries(table)) {
        const at = joinPointer(`/auth/${key}`, name);
        if (!names.has(name)) {
          const hint = what === 'resource' ? ' (a resource URI or a resource template name)' : '';
          out.push({ code, message: `auth.${key} names ${what} "${name}"${hint}, which the manifest does not declare.`, pointer: at, atKey: true });
        }
        undeclared(scopes, at, `${what} "${name}"`);
      }
    }
    return out;
  },
};

const AUTH_KEYS = ['resource', 'authorizationServers', 'scopes', 'requiredScopes', 'toolScopes', 'resourceScopes', 'promptScopes'];
const SCOPE_TABLES = ['toolScopes', 'resourceScopes', 'promptScopes'];

/** Unknown keys and values of the wrong type, each at its own position. */
function shapeFindings(auth: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(auth)) {
    if (!AUTH_KEYS.includes(key)) {
      const suggestion = closestMatch(key, AUTH_KEYS);
      out.push({
        code: 'auth/unknown-key',
        message: `Unknown key "${key}" in auth.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        pointer: joinPointer('/auth', key),
        atKey: true,
      });
    }
  }
  const wrong = (pointer: string, what: string) => out.push({ code: 'auth/wrong-type', message: `${pointer.slice(1).replace(/\//g, '.')} must be ${what}.`, pointer });
  if (auth.resource !== undefined && typeof auth.resource !== 'string') wrong('/auth/resource', 'a string (a URL)');
  for (const key of ['authorizationServers', 'scopes', 'requiredScopes']) {
    const value = auth[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) wrong(joinPointer('/auth', key), 'an array of strings');
    else value.forEach((item, i) => typeof item !== 'string' && wrong(joinPointer('/auth', key, i), 'a string'));
  }
  for (const key of SCOPE_TABLES) {
    const table = auth[key];
    if (table === undefined) continue;
    if (!isJsonObject(table)) wrong(joinPointer('/auth', key), 'a mapping from name to an array of scopes');
    else {
      for (const [name, scopes] of Object.entries(table)) {
        const at = joinPointer('/auth', key, name);
        if (!Array.isArray(scopes)) wrong(at, 'an array of scope strings');
        else scopes.forEach((scope, j) => typeof scope !== 'string' && wrong(joinPointer(at, j), 'a string'));
      }
    }
  }
  return out;
}

function isSecureUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}
