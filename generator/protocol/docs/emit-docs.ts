/**
 * reference.md: the view model (docs-view-model.ts) rendered through the
 * Handlebars templates in `templates/docs/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { ProtocolModel } from '../protocol-model.js';
import { registerDocsHelpers } from './docs-helpers.js';
import { buildDocsView } from './docs-view-model.js';

function template(name: string): string {
  return readFileSync(join(packageRoot(), 'templates', 'docs', name), 'utf8');
}

/** Renders reference.md for one revision (unformatted). */
export async function renderDocs(model: ProtocolModel): Promise<string> {
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  registerDocsHelpers(hb, model.names);
  hb.registerPartial('definition', template('definition.md.hbs'));
  const render = hb.compile(template('reference.md.hbs'), { noEscape: true, strict: false });
  return render(buildDocsView(model));
}
