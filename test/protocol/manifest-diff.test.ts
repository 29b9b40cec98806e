/**
 * The breaking-change report between two manifests: a table of manifest
 * edits with the verdict a client author expects, then the CLI (formats,
 * locations, --fail-on exit codes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Manifest } from '../../generator/load/manifest-types.js';
import { diffManifests, type SemverBump } from '../../generator/protocol/diff/manifest-diff.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/paths.js';

function base(): Manifest {
  return {
    revision: '2025-11-25',
    server: { name: 'shop', version: '1.4.2' },
    tools: [
      {
        name: 'find_item',
        description: 'Finds an item.',
        inputSchema: {
          type: 'object',
          properties: {
            query: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 50 },
            sort: { type: 'string', enum: ['price', 'name'] },
            tags: { type: 'array', items: { type: 'string' } },
          },
          required: ['query'],
        },
        outputSchema: {
          type: 'object',
          properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, price: { type: 'number' } }, required: ['id'] } }, total: { type: 'integer' }, status: { type: 'string', enum: ['ok', 'partial'] } },
          required: ['items', 'total'],
        },
        annotations: { readOnlyHint: true },
      },
      { name: 'buy_item', inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    ],
    resources: [{ uri: 'shop://catalog', name: 'catalog', mimeType: 'application/json' }],
    resourceTemplates: [{ uriTemplate: 'shop://items/{id}', name: 'item' }],
    prompts: [{ name: 'advise', arguments: [{ name: 'budget', required: true }, { name: 'style' }] }],
    auth: { resource: 'https://shop.example.com/mcp', authorizationServers: ['https://auth.example.com'], scopes: ['shop:read', 'shop:buy'], toolScopes: { buy_item: ['shop:buy'] } },
  };
}

type Edit = (m: Manifest) => void;
const tool = (m: Manifest, name = 'find_item') => m.tools.find((t) => t.name === name)!;
const inProps = (m: Manifest) => (tool(m).inputSchema as { properties: Record<string, Record<string, unknown>> }).properties;
const outSchema = (m: Manifest) => tool(m).outputSchema as { properties: Record<string, Record<string, unknown>>; required: string[] };

/** [case, edit, expected top verdict, a change code that must be reported (or null for none)] */
const cases: [string, Edit, SemverBump, string | null][] = [
  ['no change', () => {}, 'none', null],
  ['tool removed', (m) => void m.tools.splice(1, 1), 'major', 'tool-removed'],
  ['tool added', (m) => void m.tools.push({ name: 'list_orders', inputSchema: { type: 'object' } }), 'minor', 'tool-added'],
  ['tool renamed with renamedFrom', (m) => Object.assign(tool(m, 'buy_item'), { name: 'purchase_item', renamedFrom: 'buy_item' }), 'major', 'tool-renamed'],
  ['new required argument', (m) => { inProps(m).store = { type: 'string' }; (tool(m).inputSchema.required as string[]).push('store'); }, 'major', 'required-argument-added'],
  ['new optional argument', (m) => void (inProps(m).store = { type: 'string' }), 'minor', 'argument-added'],
  ['argument removed', (m) => void delete inProps(m).tags, 'major', 'argument-removed'],
  ['argument made required', (m) => void (tool(m).inputSchema.required as string[]).push('limit'), 'major', 'made-required'],
  ['argument made optional', (m) => void (tool(m).inputSchema.required = []), 'minor', 'made-optional'],
  ['input type widened (integer -> number)', (m) => { inProps(m).limit!.type = 'number'; }, 'minor', 'type-widened'],
  ['input type narrowed (integer -> string)', (m) => { inProps(m).limit!.type = 'string'; }, 'major', 'type-changed'],
  ['input enum narrowed', (m) => { inProps(m).sort!.enum = ['price']; }, 'major', 'enum-narrowed'],
  ['input enum widened', (m) => { inProps(m).sort!.enum = ['price', 'name', 'date']; }, 'minor', 'enum-widened'],
  ['input maximum tightened', (m) => { inProps(m).limit!.maximum = 20; }, 'major', 'constraint-tightened'],
  ['input maxLength loosened', (m) => { inProps(m).query!.maxLength = 500; }, 'minor', 'constraint-loosened'],
  ['input pattern added', (m) => { inProps(m).query!.pattern = '^[a-z ]+$'; }, 'major', 'constraint-added'],
  ['input closed with additionalProperties: false', (m) => { tool(m).inputSchema.additionalProperties = false; }, 'major', 'closed'],
  ['nested input item type narrowed', (m) => { inProps(m).tags!.items = { type: 'string', enum: ['new', 'sale'] }; }, 'major', 'enum-narrowed'],
  ['output field removed', (m) => { delete outSchema(m).properties.total; outSchema(m).required = ['items']; }, 'major', 'output-field-removed'],
  ['output field added', (m) => void (outSchema(m).properties.currency = { type: 'string' }), 'minor', 'output-field-added'],
  ['output field made optional', (m) => void (outSchema(m).required = ['items']), 'major', 'made-optional'],
  ['output enum widened', (m) => { outSchema(m).properties.status!.enum = ['ok', 'partial', 'failed']; }, 'major', 'enum-widened'],
  ['output enum narrowed', (m) => { outSchema(m).properties.status!.enum = ['ok']; }, 'minor', 'enum-narrowed'],
  ['nested output field removed', (m) => { delete ((outSchema(m).properties.items!.items as { properties: Record<string, unknown> }).properties.price); }, 'major', 'output-field-removed'],
  ['outputSchema removed', (m) => void delete tool(m).outputSchema, 'major', 'output-schema-removed'],
  ['outputSchema added', (m) => void (tool(m, 'buy_item').outputSchema = { type: 'object' }), 'minor', 'output-schema-added'],
  ['resource removed', (m) => void (m.resources = []), 'major', 'resource-removed'],
  ['resource added', (m) => void m.resources.push({ uri: 'shop://deals', name: 'deals' }), 'minor', 'resource-added'],
  ['resource mimeType changed', (m) => void (m.resources[0]!.mimeType = 'text/csv'), 'major', 'mime-type-changed'],
  ['URI template changed', (m) => void (m.resourceTemplates[0]!.uriTemplate = 'shop://item/{sku}'), 'major', 'uri-template-changed'],
  ['template removed', (m) => void (m.resourceTemplates = []), 'major', 'template-removed'],
  ['prompt removed', (m) => void (m.prompts = []), 'major', 'prompt-removed'],
  ['prompt gains a required argument', (m) => void m.prompts[0]!.arguments!.push({ name: 'season', required: true }), 'major', 'required-argument-added'],
  ['prompt gains an optional argument', (m) => void m.prompts[0]!.arguments!.push({ name: 'season' }), 'minor', 'argument-added'],
  ['prompt argument made optional', (m) => void (m.prompts[0]!.arguments![0]!.required = false), 'minor', 'made-optional'],
  ['new required scope for a tool', (m) => void (m.auth!.toolScopes!.find_item = ['shop:read']), 'major', 'scope-required'],
  ['scope no longer required', (m) => void delete m.auth!.toolScopes!.buy_item, 'minor', 'scope-dropped'],
  ['auth section removed', (m) => void delete (m as { auth?: unknown }).auth, 'minor', 'auth-removed'],
  ['tool stops being read-only', (m) => void (tool(m).annotations = { readOnlyHint: false }), 'major', 'annotation-changed'],
  ['description reworded', (m) => void (tool(m).description = 'Searches the catalog.'), 'patch', 'doc-changed'],
  ['argument description reworded', (m) => void (inProps(m).query!.description = 'Words to look for.'), 'patch', 'doc-changed'],
];

describe('manifest diff: verdicts on a table of edits', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)('%s', (_name, edit, bump, code) => {
    const after = base();
    edit(after);
    const diff = diffManifests(base(), after);
    expect(diff.recommendation).toBe(bump);
    if (code) expect(diff.changes.map((c) => c.code)).toContain(code);
    else expect(diff.changes).toEqual([]);
  });

  it('is symmetric where it should be: adding a tool is minor, removing it again is major', () => {
    const more = base();
    more.tools.push({ name: 'x', inputSchema: { type: 'object' } });
    expect(diffManifests(base(), more).recommendation).toBe('minor');
    expect(diffManifests(more, base()).recommendation).toBe('major');
  });

  it('suggests the next version from server.version', () => {
    const after = base();
    after.tools.pop();
    expect(diffManifests(base(), after).suggestedVersion).toBe('2.0.0');
    const added = base();
    added.resources.push({ uri: 'shop://deals', name: 'deals' });
    expect(diffManifests(base(), added).suggestedVersion).toBe('1.5.0');
  });
});

describe('mcpgen diff OLD NEW', () => {
  const dir = tempDir('mcpgen-manifest-diff-');
  const oldFile = join(dir, 'old.yaml');
  const newFile = join(dir, 'new.yaml');
  const same = join(dir, 'same.yaml');
  writeFileSync(oldFile, stringify(base()));
  writeFileSync(same, stringify(base()));
  const edited = base();
  (edited.tools[0]!.inputSchema.required as string[]).push('limit');
  edited.tools.push({ name: 'list_orders', inputSchema: { type: 'object' } });
  writeFileSync(newFile, stringify(edited));

  it('reports breaking changes with both files located, and a semver recommendation', () => {
    const r = runCliProcess(['diff', oldFile, newFile], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/BREAKING\s+tool "find_item": input: argument "limit" is now required {2}\(new\.yaml:\d+:\d+\)/);
    expect(r.stdout).toMatch(/compatible\s+tool "list_orders": added/);
    expect(r.stdout).toContain('1 breaking, 1 compatible, 0 patch. Recommended version bump: major (2.0.0).');
  });

  it('--fail-on breaking exits 1 on a breaking change and 0 without one', () => {
    expect(runCliProcess(['diff', oldFile, newFile, '--fail-on', 'breaking'], { cwd: dir }).code).toBe(1);
    expect(runCliProcess(['diff', oldFile, same, '--fail-on', 'breaking'], { cwd: dir }).code).toBe(0);
    const additive = base();
    additive.tools.push({ name: 'list_orders', inputSchema: { type: 'object' } });
    const addFile = join(dir, 'add.yaml');
    writeFileSync(addFile, stringify(additive));
    expect(runCliProcess(['diff', oldFile, addFile, '--fail-on', 'breaking'], { cwd: dir }).code).toBe(0);
    expect(runCliProcess(['diff', oldFile, addFile, '--fail-on', 'compatible'], { cwd: dir }).code).toBe(1);
  });

  it('prints Markdown and a stable JSON shape with locations on both sides', () => {
    const md = runCliProcess(['diff', oldFile, newFile, '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Breaking (1)');
    expect(md.stdout).toMatch(/\| tool "find_item" \| input: argument "limit" is now required \| new\.yaml:\d+:\d+ \|/);
    const json = runCliProcess(['diff', oldFile, newFile, '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ version: 1, old: 'old.yaml', new: 'new.yaml', recommendation: 'major', summary: { breaking: 1, compatible: 1, patch: 0 } });
    const change = report.changes.find((c: { code: string }) => c.code === 'made-required');
    expect(change.oldLocation).toMatchObject({ file: 'old.yaml' });
    expect(change.newLocation).toMatchObject({ file: 'new.yaml' });
  });

  it('refuses a revision against a manifest, a broken manifest and an unreachable server URL with exit 2', () => {
    const mixed = runCliProcess(['diff', '2025-11-25', newFile], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('Compare two revisions or two manifests');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'tools: [\n');
    const r = runCliProcess(['diff', oldFile, broken], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    const url = runCliProcess(['diff', oldFile, 'http://127.0.0.1:9/mcp'], { cwd: dir });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('import/connect-failed');
  });
});
