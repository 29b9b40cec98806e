/**
 * The one docs renderer: handlebars templates (a main template and one
 * partial per section, in `templates/docs/<set>/`) render a prepared view
 * model to Markdown; the same Markdown becomes one self-contained HTML page
 * (inline style and script pinned by a Content-Security-Policy hash, nothing
 * loaded from elsewhere). Users replace any built-in partial, or the page
 * shell, with their own file of the same name. Used by the server docs
 * emitter and by `mcpgen protocol --emit docs`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type HandlebarsNs from 'handlebars';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { packageRoot } from '../../package-root.js';
import { markdownToHtml } from './markdown-html.js';

type HandlebarsEnv = typeof HandlebarsNs;

/** The page shell's partial name: a user file `page.html.hbs` replaces it. */
export const PAGE_PARTIAL = 'page';
const PARTIAL_SUFFIX = '.md.hbs';

export interface RenderOptions {
  /** Users' partials by name (`tool`, `setup`, ..., `page`), replacing the built-in ones. */
  partials?: Readonly<Record<string, string>>;
  /** Registers extra helpers (the protocol reference's linking helpers). */
  helpers?: (hb: HandlebarsEnv) => void;
}

function docsDir(...parts: string[]): string {
  return join(packageRoot(), 'templates', 'docs', ...parts);
}

/** The built-in partials of one template set, by name (file name without `.md.hbs`). */
export function builtInPartials(set: string, main: string): Map<string, string> {
  const dir = docsDir(set);
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith(PARTIAL_SUFFIX) && file !== main) out.set(basename(file, PARTIAL_SUFFIX), readFileSync(join(dir, file), 'utf8'));
  }
  return out;
}

function usage(message: string, hint?: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message, ...(hint ? { hint } : {}) });
}

/** Runs a template, turning handlebars' errors in users' partials into a usage error. */
function run(render: () => string, what: string): string {
  try {
    return render();
  } catch (err) {
    throw usage(`Docs template ${what} failed: ${(err as Error).message.split('\n')[0]}`, 'Check the partials in your templates folder; the built-in ones are in templates/docs/ of the mcpgen package.');
  }
}

/** Renders `main` of template set `set` (a folder of templates/docs) with `view`, to Markdown. */
export async function renderMarkdown(set: string, main: string, view: unknown, options: RenderOptions = {}): Promise<string> {
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  options.helpers?.(hb);
  const partials = builtInPartials(set, main);
  const user = Object.entries(options.partials ?? {}).filter(([name]) => name !== PAGE_PARTIAL);
  const unknown = user.filter(([name]) => !partials.has(name)).map(([name]) => name);
  if (unknown.length) {
    throw usage(
      `Unknown docs partial${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      `A partial replaces a built-in one of the same name: ${[...partials.keys(), PAGE_PARTIAL].join(', ')}.`,
    );
  }
  for (const [name, source] of [...partials, ...user]) hb.registerPartial(name, source);
  const template = hb.compile(readFileSync(docsDir(set, main), 'utf8'), { noEscape: true, strict: false });
  return run(() => template(view), main);
}

export interface PageInfo {
  /** Plain text (escaped here). */
  title: string;
  revision: string;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** One self-contained HTML page from Markdown. */
export async function renderHtmlPage(markdown: string, page: PageInfo, options: RenderOptions = {}): Promise<string> {
  const { default: Handlebars } = await import('handlebars');
  const { html } = await markdownToHtml(markdown);
  const style = readFileSync(docsDir('page', 'page.css'), 'utf8');
  const script = readFileSync(docsDir('page', 'page.js'), 'utf8');
  // Only our own style and script may run, pinned by hash: even markup that
  // slipped through could neither run script nor load anything.
  const csp = `default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const shell = options.partials?.[PAGE_PARTIAL] ?? readFileSync(docsDir('page', 'page.html.hbs'), 'utf8');
  // Handlebars compiles lazily: syntax errors in a user's shell surface inside run().
  const template = Handlebars.create().compile(shell, { strict: false });
  return run(() => template({ title: page.title, revision: page.revision, csp, style, script, body: html }), 'page.html.hbs');
}

/** Reads a folder of users' partials: `<name>.md.hbs` for sections, `page.html.hbs` for the shell. */
export function readUserPartials(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (err) {
    throw usage(`Cannot read the docs templates folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  for (const file of files.sort()) {
    if (file.endsWith(PARTIAL_SUFFIX)) out[basename(file, PARTIAL_SUFFIX)] = readFileSync(join(dir, file), 'utf8');
    else if (file === `${PAGE_PARTIAL}.html.hbs`) out[PAGE_PARTIAL] = readFileSync(join(dir, file), 'utf8');
  }
  return out;
}
