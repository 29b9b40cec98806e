/**
 * reference.md and reference.html: the view model (docs-view-model.ts)
 * rendered through the Handlebars templates in `templates/docs/` by the same
 * renderer as the server docs (so users' partials and the HTML page work the
 * same way).
 */
import { renderHtmlPage, renderMarkdown, type RenderOptions } from '../../emit/docs/renderer.js';
import type { ProtocolModel } from '../protocol-model.js';
import { registerDocsHelpers } from './docs-helpers.js';
import { buildDocsView } from './docs-view-model.js';

/** Renders reference.md for one revision (unformatted). */
export async function renderDocs(model: ProtocolModel, options: Pick<RenderOptions, 'partials'> = {}): Promise<string> {
  return renderMarkdown('', 'reference.md.hbs', buildDocsView(model), { ...options, helpers: (hb) => registerDocsHelpers(hb, model.names) });
}

/** reference.md and the same reference as one self-contained HTML page. */
export async function renderDocsFiles(model: ProtocolModel, options: Pick<RenderOptions, 'partials'> = {}): Promise<{ markdown: string; html: string }> {
  const markdown = await renderDocs(model, options);
  const html = await renderHtmlPage(markdown, { title: `MCP ${model.revision} protocol reference`, revision: model.revision }, options);
  return { markdown, html };
}
