/** reference.md rendering and escaping, and the diff library on small synthetic schemas. */
import { describe, expect, it } from 'vitest';
import { renderDocs, renderDocsFiles } from '../../generator/protocol/docs/emit-docs.js';
import { linkify } from '../../generator/protocol/docs/docs-helpers.js';
import { escapeCell } from '../../generator/protocol/docs/markdown-escape.js';
import { diffDefinitions } from '../../generator/protocol/diff/diff-revisions.js';
import { buildProtocolModel } from '../../generator/protocol/protocol-model.js';
import { loadSpec } from '../../generator/spec/load-spec.js';

describe('reference.md', () => {
  it('lists every definition with fields, required marks and links', async () => {
    const spec = loadSpec('2025-11-25');
    const md = await renderDocs(buildProtocolModel(spec));
    for (const name of Object.keys(spec.definitions)) expect(md).toContain(`\n### ${name}\n`);
    expect(md).toMatch(/\| `tools\/call` \| request \| \[CallToolRequest\]\(#calltoolrequest\) \| \[CallToolResult\]\(#calltoolresult\) \|/);
    const tool = md.slice(md.indexOf('\n### Tool\n'), md.indexOf('\n### ToolAnnotations\n'));
    expect(tool).toMatch(/\| `name` \| string \| yes \|/);
    expect(tool).toMatch(/\| `icons` \| \[Icon\]\(#icon\)\[\] \| {2}\|/);
    expect(md).not.toContain('{@link');
  });

  it('renders reference.html from the same Markdown: one page whose every in-page link has its heading', async () => {
    const { markdown, html } = await renderDocsFiles(buildProtocolModel(loadSpec('2025-11-25')));
    expect(markdown).toBe(await renderDocs(buildProtocolModel(loadSpec('2025-11-25'))));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h3 id="calltoolrequest">CallToolRequest</h3>');
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(500);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    // Table cells keep their line breaks as <br>; nothing else from the schema becomes markup.
    expect(html).toContain('<br>');
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('escapes pipes, HTML and line breaks in table cells', () => {
    expect(escapeCell('a | b <script>\nnext & more')).toBe('a \\| b &lt;script&gt;<br>next &amp; more');
  });

  it('turns {@link} into anchors, with the label the schema files run together', () => {
    expect(linkify('see {@link ListToolsRequesttools/list} and {@link Tool}', ['Tool', 'ListToolsRequest'])).toBe(
      'see [tools/list](#listtoolsrequest) and [Tool](#tool)',
    );
  });
});

describe('diffDefinitions', () => {
  const before = {
    Gone: { type: 'object' },
    Thing: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' }, c: { $ref: '#/$defs/X' }, d: { type: 'string' } }, required: ['a'] },
    Same: { type: 'string', description: 'old words' },
  };
  const after = {
    Thing: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { $ref: '#/$defs/Y' }, e: { type: 'array', items: { $ref: '#/$defs/Z' } } },
      required: ['b'],
    },
    Same: { type: 'string', description: 'new words' },
    New: { anyOf: [{ $ref: '#/$defs/B' }, { $ref: '#/$defs/A' }] },
  };

  it('reports added/removed definitions and property changes as plain, sorted data', () => {
    expect(diffDefinitions('1', '2', before, after)).toEqual({
      version: 1,
      from: '1',
      to: '2',
      added: ['New'],
      removed: ['Gone'],
      changed: [
        {
          name: 'Thing',
          type: null,
          propertiesAdded: [{ name: 'e', type: 'array<Z>', required: false }],
          propertiesRemoved: [{ name: 'd', type: 'string' }],
          madeRequired: ['b'],
          madeOptional: ['a'],
          typeChanged: [
            { name: 'b', from: 'number', to: 'string' },
            { name: 'c', from: 'X', to: 'Y' },
          ],
        },
      ],
    });
  });
});
