/**
 * `mcpgen add`: the manifest text is edited in place (every existing byte
 * kept), names are checked at once with a suggestion, and the CLI regenerates
 * so the handler stub appears, restoring the manifest when that fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendEntry } from '../../generator/scaffold/add-entry.js';
import { newEntry, suggestName, type NewEntryOptions } from '../../generator/scaffold/new-entry.js';
import { McpgenError } from '../../generator/diagnostics/diagnostic.js';
import { tempDir } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

const MANIFEST = `# yaml-language-server: $schema=x.json
# Top comment.
revision: 2025-11-25

server: { name: "demo", version: '1.0.0' }   # flow, mixed quotes

tools:
  # About the first tool.
  - name: first
    description: >-
      Folded text
      kept as is.
    inputSchema: { type: object }   # trailing comment

  - name: second
    inputSchema:
      type: object
      properties:
        q: { type: string }
      required: [q]

# Comment about auth.
auth:
  resource: https://example.com/mcp
  authorizationServers: [https://auth.example.com]
`;

/** The text with the lines that `added` consists of removed (the edit only inserted whole lines). */
function withoutLines(text: string, added: string): string {
  const index = text.indexOf(added);
  expect(index, 'the added block appears verbatim').toBeGreaterThanOrEqual(0);
  return text.slice(0, index) + text.slice(index + added.length);
}

const options = (o: Partial<NewEntryOptions>): NewEntryOptions => ({ kind: 'tool', name: 'x', args: [], existing: [], scheme: 'demo', ...o });

describe('appendEntry keeps every existing byte', () => {
  it('appends a tool after the last one, in the list indentation, small schemas in flow style', () => {
    const entry = newEntry(options({ name: 'get_weather', description: 'Weather: "now"', args: ['city:string!', 'days:integer'], existing: ['first', 'second'] }));
    const result = appendEntry(MANIFEST, 'tools', entry, 'mcp.yaml');
    const added = [
      '  - name: get_weather',
      `    description: 'Weather: "now"'`,
      '    inputSchema:',
      '      type: object',
      '      properties:',
      '        city: { type: string }',
      '        days: { type: integer }',
      '      required: [ city ]',
      '      additionalProperties: false',
      '',
    ].join('\n');
    expect(withoutLines(result, added)).toBe(MANIFEST);
    expect(result.indexOf(added)).toBeLessThan(result.indexOf('# Comment about auth.'));
    expect(parse(result).tools[2]).toEqual(entry);
  });

  it('creates a missing list in manifest order, above the next key and its comments', () => {
    const result = appendEntry(MANIFEST, 'prompts', newEntry(options({ kind: 'prompt', name: 'ask', args: ['question!'] })), 'mcp.yaml');
    const added = 'prompts:\n  - name: ask\n    arguments:\n      - { name: question, required: true }\n\n';
    expect(withoutLines(result, added)).toBe(MANIFEST);
    expect(result).toContain(`${added}# Comment about auth.\nauth:`);
  });

  it('derives resource URIs and template URIs from the scheme and --arg', () => {
    expect(newEntry(options({ kind: 'resource', name: 'readme' }))).toEqual({ uri: 'demo://readme', name: 'readme' });
    expect(newEntry(options({ kind: 'template', name: 'doc', args: ['slug'], title: 'Doc' }))).toEqual({ uriTemplate: 'demo://doc/{slug}', name: 'doc', title: 'Doc' });
    const result = appendEntry(MANIFEST, 'resources', { uri: 'demo://readme', name: 'readme' }, 'mcp.yaml');
    expect(withoutLines(result, 'resources:\n  - uri: demo://readme\n    name: readme\n\n')).toBe(MANIFEST);
  });

  it('fills an empty flow list and a JSON manifest', () => {
    const flow = appendEntry('server: { name: a, version: 1.0.0 }\ntools: []   # none yet\n', 'tools', { name: 't', inputSchema: { type: 'object' } }, 'm.yaml');
    expect(parse(flow).tools).toEqual([{ name: 't', inputSchema: { type: 'object' } }]);
    expect(flow).toContain('# none yet');
    const json = appendEntry('{\n    "tools": []\n}\n', 'prompts', { name: 'p' }, 'm.json');
    expect(json).toBe('{\n    "tools": [],\n    "prompts": [\n        {\n            "name": "p"\n        }\n    ]\n}\n');
  });

  it('refuses broken YAML with its message', () => {
    expect(() => appendEntry('tools:\n  - name: [\n', 'tools', { name: 'x' }, 'm.yaml')).toThrow(/m.yaml is not valid YAML/);
  });
});

describe('names and arguments', () => {
  it('refuses a bad or taken name with a suggestion that passes', () => {
    const cases: [string, string[], RegExp, string][] = [
      ['get weather', [], /contains a space/, 'get_weather'],
      ['wörter/zählen', [], /contains "\/"/, 'w_rter_z_hlen'],
      ['first', ['first'], /already used/, 'first_2'],
      ['', [], /is empty/, 'x'],
    ];
    for (const [name, existing, message, suggestion] of cases) {
      let error: unknown;
      try {
        newEntry(options({ name, existing }));
      } catch (err) {
        error = err;
      }
      expect(error, name).toBeInstanceOf(McpgenError);
      const d = (error as McpgenError).diagnostics[0]!;
      expect(d.message).toMatch(message);
      expect(d.hint).toBe(`Try: mcpgen add tool ${suggestion}`);
      expect(suggestName(name, existing)).toBe(suggestion);
      expect(() => newEntry(options({ name: suggestion, existing }))).not.toThrow();
    }
  });

  it('parses --arg and refuses bad ones', () => {
    expect(newEntry(options({ args: ['a:number!', 'b:boolean', 'c'] })).inputSchema).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'boolean' }, c: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(() => newEntry(options({ args: ['a:date'] }))).toThrow(/unknown type "date"/);
    expect(() => newEntry(options({ args: ['1a'] }))).toThrow(/expected NAME/);
    expect(() => newEntry(options({ args: ['a', 'a:number'] }))).toThrow(/given twice/);
    expect(() => newEntry(options({ kind: 'prompt', args: ['n:integer'] }))).toThrow(/prompt arguments are strings/);
    expect(() => newEntry(options({ kind: 'template' }))).toThrow(/needs --uri-template/);
  });
});

describe('mcpgen add (CLI)', () => {
  function project(): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'mcp.yaml'), '# My server.\nserver: { name: demo, version: 1.0.0 }\ntools: []\n');
    writeFileSync(join(dir, 'mcpgen.config.json'), JSON.stringify({ manifests: ['mcp.yaml'], targets: { '.': { emit: ['server'] } } }));
    return dir;
  }

  it('adds the entry, regenerates and creates the handler stub', () => {
    const dir = project();
    const r = runCliProcess(['add', 'tool', 'get_weather', '--description', 'Weather', '--arg', 'city:string!'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added tool "get_weather" to mcp.yaml.');
    expect(r.stdout).toContain(`Created ${join('src', 'handlers', 'tools', 'getWeather.ts')}`);
    expect(readFileSync(join(dir, 'src/generated/tools/getWeather.input.ts'), 'utf8')).toContain('city: string;');
    expect(readFileSync(join(dir, 'mcp.yaml'), 'utf8').startsWith('# My server.\n')).toBe(true);
  });

  it('refuses a bad name before writing anything (exit 2)', () => {
    const dir = project();
    const r = runCliProcess(['add', 'prompt', 'plan trip'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Prompt name "plan trip" contains a space.');
    expect(r.stderr).toContain('Try: mcpgen add prompt plan_trip');
    expect(readFileSync(join(dir, 'mcp.yaml'), 'utf8')).toBe('# My server.\nserver: { name: demo, version: 1.0.0 }\ntools: []\n');
    expect(existsSync(join(dir, 'src'))).toBe(false);
  });

  it('restores the manifest when regenerating fails', () => {
    const dir = project();
    const empty = tempDir();
    const r = runCliProcess(['add', 'tool', 'ok_name'], { cwd: dir, env: { MCPGEN_SPEC_DIR: empty, XDG_CACHE_HOME: empty } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mcp.yaml was restored');
    expect(readFileSync(join(dir, 'mcp.yaml'), 'utf8')).toBe('# My server.\nserver: { name: demo, version: 1.0.0 }\ntools: []\n');
  });
});
