/** The auth section (rules/auth.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest } from '../helpers/lint-manifest.js';

const TOOLS = `tools:
  - { name: read, description: d, inputSchema: { type: object, additionalProperties: false } }
  - { name: write, description: d, inputSchema: { type: object, additionalProperties: false } }`;

function manifest(auth: string): string {
  // `auth:` is on line 5, its first entry on line 6.
  return `revision: 2025-11-25\n${TOOLS}\nauth:\n${auth
    .trim()
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n')}\n`;
}

describe('auth', () => {
  it('accepts https (or loopback http) resources with servers and declared scopes', () => {
    for (const resource of ['https://mcp.example.com/mcp', 'http://localhost:3000/mcp', 'http://127.0.0.1/mcp']) {
      const d = lintManifest(manifest(`resource: ${resource}\nauthorizationServers: [https://auth.example.com]\nscopes: [r, w]\ntoolScopes: { read: [r], write: [r, w] }`));
      expect(d, resource).toEqual([]);
    }
  });

  it('requires an authorization server and an https resource URL', () => {
    const d = lintManifest(manifest('resource: http://mcp.example.com/mcp\nauthorizationServers: []'));
    expect(at(d, 'auth/insecure-resource')).toEqual([['error', 6, 13]]);
    expect(at(d, 'auth/no-authorization-server')).toEqual([['error', 7, 3]]);
    const missing = lintManifest(manifest('scopes: [r]'));
    // Missing fields point at the `auth` key.
    expect(at(missing, 'auth/no-authorization-server')).toEqual([['error', 5, 1]]);
    expect(at(missing, 'auth/insecure-resource')).toEqual([['error', 5, 1]]);
  });

  it('reports tool scopes that are not declared and tools that do not exist', () => {
    const d = lintManifest(
      manifest('resource: https://mcp.example.com/mcp\nauthorizationServers: [https://auth.example.com]\nscopes: [r]\ntoolScopes:\n  read: [r, admin]\n  delete: [r]'),
    );
    expect(at(d, 'auth/undeclared-scope')).toEqual([['error', 10, 15]]);
    expect(at(d, 'auth/unknown-tool')).toEqual([['error', 11, 5]]);
  });

  it('reports unknown keys and values of the wrong type where they are', () => {
    const d = lintManifest(
      manifest('resource: https://mcp.example.com/mcp\nauthorizationServers: [https://auth.example.com, 42]\nscope: [r]\nscopes: r\ntoolScopes:\n  read: r'),
    );
    expect(at(d, 'auth/unknown-key')).toEqual([['error', 8, 3]]);
    expect(d.find((x) => x.code === 'auth/unknown-key')?.message).toContain('Did you mean "scopes"?');
    expect(at(d, 'auth/wrong-type')).toEqual([['error', 7, 52], ['error', 9, 11], ['error', 11, 11]]);
  });

  it('checks requiredScopes, resourceScopes and promptScopes: names exist, scopes are declared', () => {
    const src = `revision: 2025-11-25
${TOOLS}
resources: [{ uri: "x://a", name: a }]
resourceTemplates: [{ uriTemplate: "x://t/{id}", name: t }]
prompts: [{ name: p }]
auth:
  resource: https://mcp.example.com/mcp
  authorizationServers: [https://auth.example.com]
  scopes: [r]
  requiredScopes: [r, root]
  resourceScopes: { "x://a": [r], t: [r], "x://nope": [r], a: [w] }
  promptScopes: { p: [r], q: [r] }
`;
    const d = lintManifest(src);
    expect(at(d, 'auth/undeclared-scope')).toEqual([['error', 12, 23], ['error', 13, 64]]);
    expect(at(d, 'auth/unknown-resource')).toEqual([['error', 13, 43], ['error', 13, 60]]);
    expect(d.find((x) => x.code === 'auth/unknown-resource')?.message).toContain('a resource URI or a resource template name');
    expect(at(d, 'auth/unknown-prompt')).toEqual([['error', 14, 27]]);
    const clean = lintManifest(src.replace('[r, root]', '[r]').replace(', "x://nope": [r], a: [w]', '').replace(', q: [r]', ''));
    expect(clean).toEqual([]);
  });

  it('reports scope tables and requiredScopes of the wrong type', () => {
    const d = lintManifest(manifest('resource: https://mcp.example.com/mcp\nauthorizationServers: [https://auth.example.com]\nrequiredScopes: r\nresourceScopes: [r]\npromptScopes:\n  p: r'));
    expect(at(d, 'auth/wrong-type')).toEqual([['error', 8, 19], ['error', 9, 19], ['error', 11, 8]]);
  });
});
