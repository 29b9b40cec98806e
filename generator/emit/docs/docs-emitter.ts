/**
 * `--emit docs`: a server's documentation from its manifest, for the target
 * revision: `README.md` (Markdown for a repository or the MCP Registry),
 * `index.html` (the same content as one self-contained page), and the client
 * set-up snippets as files (`clients/`). Deterministic: no timestamps, items in
 * manifest order. Pure: IR in, files out, paths relative to the docs root.
 */
import { resolve } from 'node:path';
import type { IR } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import type { Emitter } from '../emitter.js';
import { buildServerDocsView } from './docs-view-model.js';
import { readUserPartials, renderHtmlPage, renderMarkdown } from './renderer.js';

/** Options of the docs emitter (a target's `docs` options). */
export interface DocsOptions {
  /**
   * A folder of users' partials: `<name>.md.hbs` replaces the built-in
   * partial of that name (`header`, `setup`, `server`, `auth`, `tool`,
   * `params`, `resource`, `resource-template`, `prompt`, `revision-note`),
   * `page.html.hbs` the HTML shell. An unknown name is a usage error.
   */
  templatesDir?: string;
  /** The same as data, by name (wins over `templatesDir`). */
  partials?: Readonly<Record<string, string>>;
}

/** The folder the `docs` emitter writes into while emitters share one output folder. */
export const DOCS_DIR = 'docs';

export async function renderServerDocs(ir: IR, options: DocsOptions = {}): Promise<OutputFile[]> {
  const view = buildServerDocsView(ir);
  const partials = { ...(options.templatesDir ? readUserPartials(options.templatesDir) : {}), ...options.partials };
  const markdown = await renderMarkdown('server', 'README.md.hbs', view, { partials });
  const titleText = typeof ir.server.title === 'string' && ir.server.title.trim() ? ir.server.title : ir.server.name;
  const html = await renderHtmlPage(markdown, { title: titleText, revision: ir.revision.id }, { partials });
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  return [
    { path: 'README.md', contents: markdown, owner: 'generated', formatted: true },
    { path: 'index.html', contents: html, owner: 'generated', formatted: true },
    { path: 'clients/mcp-servers.stdio.json', contents: json(view.snippets.stdio), owner: 'generated', formatted: true },
    { path: 'clients/mcp-servers.http.json', contents: json(view.snippets.http), owner: 'generated', formatted: true },
    { path: 'clients/.mcp.json', contents: json(view.snippets.mcpJson), owner: 'generated', formatted: true },
    { path: 'clients/npx.sh', contents: `${view.snippets.npx}\n`, owner: 'generated', formatted: true },
  ];
}

export const docsEmitter: Emitter<DocsOptions> = {
  name: 'docs',
  description: 'server docs: README.md, a self-contained index.html and client set-up snippets (docs/)',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      templatesDir: { type: 'string', description: 'A folder of partials (<name>.md.hbs, page.html.hbs) replacing the built-in ones; relative to the working directory.' },
    },
  },
  package: false,
  files: [`${DOCS_DIR}/**`],
  userOwned: [],
  async emit({ ir, options }) {
    const templatesDir = options.templatesDir === undefined ? undefined : resolve(options.templatesDir);
    return (await renderServerDocs(ir, templatesDir ? { templatesDir } : {})).map((f) => ({ ...f, path: `${DOCS_DIR}/${f.path}` }));
  },
};
