/**
 * The files `mcpgen init` writes before the first `generate`: the manifest,
 * the config, package.json, working example handlers, tests, client set-up
 * and the optional Dockerfile and CI workflow. Prose and example code live
 * as templates in `templates/init/` (easy to read and adapt); this module
 * only prepares their view model and the JSON files. Pure: answers → files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../output/file-map.js';
import { packageRoot } from '../package-root.js';
import { DEV_DEPENDENCIES, packageName, RUNTIME_DEPENDENCIES } from '../emit/server/package-files.js';
import { jsLiteral } from '../emit/shared/safe-code.js';
import { findRevision, listRevisions } from '../spec/revisions.js';
import type { InitAnswers } from './init-answers.js';
import { CONFIG_FILE, configObject, DEFAULT_PORT, devCommands, MANIFEST_FILE, packageScripts } from './project-commands.js';

/** Versions of what the scaffolded tests run on (kept equal to mcpgen's own devDependencies by a test). */
export const TEST_DEPENDENCIES = {
  '@modelcontextprotocol/client': '2.4.0',
  vitest: '4.1.12',
} as const;

/** The first revision with `outputSchema` / `structuredContent`. */
const STRUCTURED_SINCE = '2025-06-18';
/** Revisions whose clients must pin the version (the SDK client negotiates the legacy era by default). */
const PINNED = new Set(['2026-07-28', 'draft']);

const TEMPLATE_DIR = 'init';

/** templates/init/<path> → output path; `.hbs` files are rendered, others copied. */
const TEMPLATES: { from: string; to: string; when?: (a: InitAnswers) => boolean }[] = [
  { from: 'mcp.yaml.hbs', to: MANIFEST_FILE },
  { from: 'README.md.hbs', to: 'README.md' },
  { from: 'gitignore', to: '.gitignore' },
  { from: 'vitest.config.ts', to: 'vitest.config.ts' },
  { from: 'scripts/dev.mjs.hbs', to: 'scripts/dev.mjs' },
  { from: 'src/notes.ts', to: 'src/notes.ts' },
  { from: 'src/handlers/tools/wordCount.ts.hbs', to: 'src/handlers/tools/wordCount.ts' },
  { from: 'src/handlers/resources/notesIndex.ts', to: 'src/handlers/resources/notesIndex.ts' },
  { from: 'src/handlers/templates/note.ts', to: 'src/handlers/templates/note.ts' },
  { from: 'src/handlers/prompts/summarizeNote.ts', to: 'src/handlers/prompts/summarizeNote.ts' },
  { from: 'src/auth-bearer.ts', to: 'src/auth.ts', when: (a) => a.auth === 'bearer' },
  { from: 'src/auth-oauth.ts.hbs', to: 'src/auth.ts', when: (a) => a.auth === 'oauth' },
  { from: 'test/server.test.ts.hbs', to: 'test/server.test.ts' },
  { from: 'Dockerfile.hbs', to: 'Dockerfile', when: (a) => a.docker },
  { from: 'dockerignore', to: '.dockerignore', when: (a) => a.docker },
  { from: 'github/ci.yml.hbs', to: '.github/workflows/ci.yml', when: (a) => a.ci },
];

export function resourceUrl(): string {
  return `http://localhost:${DEFAULT_PORT}/mcp`;
}

function revisionAtLeast(revision: string, since: string): boolean {
  const ids = listRevisions().map((r) => r.id);
  return ids.indexOf(revision) >= ids.indexOf(since);
}

/** `installCommand`: first install (README); `ciInstallCommand`: from the lockfile (CI). */
function pmCommands(a: InitAnswers): { installCommand: string; ciInstallCommand: string; runCommand: string; testCommand: string } {
  if (a.packageManager === 'pnpm') return { installCommand: 'pnpm install', ciInstallCommand: 'pnpm install --frozen-lockfile', runCommand: 'pnpm', testCommand: 'pnpm test' };
  if (a.packageManager === 'yarn') return { installCommand: 'yarn install', ciInstallCommand: 'yarn install --immutable', runCommand: 'yarn', testCommand: 'yarn test' };
  return { installCommand: 'npm install', ciInstallCommand: 'npm ci', runCommand: 'npm run', testCommand: 'npm test' };
}

/** The view model every template gets (flags for `{{#if}}`, literals already escaped for their language). */
export function viewModel(a: InitAnswers): Record<string, unknown> {
  const dev = devCommands(a);
  const stdio = a.transport !== 'http';
  const http = a.transport !== 'stdio';
  const pm = pmCommands(a);
  return {
    name: a.name,
    packageName: packageName(a.name),
    description: a.description,
    nameYaml: JSON.stringify(a.name),
    descriptionYaml: JSON.stringify(a.description),
    revision: a.revision,
    revisionJs: jsLiteral(a.revision),
    structured: findRevision(a.revision) !== undefined && revisionAtLeast(a.revision, STRUCTURED_SINCE),
    pinRevision: PINNED.has(a.revision),
    stdio,
    http,
    httpStart: a.transport === 'http' ? 'start' : a.transport === 'both' ? 'start:http' : '',
    transportLabel: { stdio: 'stdio', http: 'Streamable HTTP', both: 'stdio and Streamable HTTP' }[a.transport],
    auth: a.auth !== 'none',
    noAuth: a.auth === 'none',
    bearer: a.auth === 'bearer',
    oauth: a.auth === 'oauth',
    authLabel: { none: 'none', bearer: 'a shared bearer token', oauth: 'OAuth access tokens, checked by introspection' }[a.auth],
    goodToken: a.auth === 'oauth' ? 'good-token' : 'test-token',
    resourceYaml: JSON.stringify(resourceUrl()),
    resourceJs: jsLiteral(resourceUrl()),
    port: DEFAULT_PORT,
    generateJs: jsLiteral(dev.generate),
    watchGenerateJs: jsLiteral(dev.watchGenerate),
    serverJs: jsLiteral(dev.server),
    docker: a.docker,
    ci: a.ci,
    pnpm: a.packageManager === 'pnpm',
    yarn: a.packageManager === 'yarn',
    ...pm,
  };
}

function packageJson(a: InitAnswers, mcpgenVersion: string): string {
  const pkg = {
    name: packageName(a.name),
    version: '0.1.0',
    description: a.description,
    private: true,
    type: 'module',
    main: 'dist/server.js',
    engines: { node: '>=20.19' },
    scripts: packageScripts(a),
    dependencies: { ...RUNTIME_DEPENDENCIES },
    devDependencies: sortKeys({ ...DEV_DEPENDENCIES, ...TEST_DEPENDENCIES, mcpgen: mcpgenVersion }),
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

function sortKeys<T extends Record<string, string>>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1))) as T;
}

/** `.mcp.json` (Claude Code), `.vscode/mcp.json` (VS Code) and a generic snippet for other clients. */
function clientFiles(a: InitAnswers): OutputFile[] {
  const url = resourceUrl();
  const headers = a.auth === 'bearer' ? { headers: { Authorization: 'Bearer ${MCP_BEARER_TOKEN}' } } : {};
  const stdioEntry = { command: 'node', args: ['dist/server.js', '--stdio'] };
  const httpEntry = { type: 'http', url, ...headers };
  const local = a.transport === 'http' ? httpEntry : { type: 'stdio', ...stdioEntry };
  const json = (path: string, value: unknown): OutputFile => ({ path, owner: 'user', contents: JSON.stringify(value, null, 2) + '\n' });
  const files = [
    json('.mcp.json', { mcpServers: { [a.name]: local } }),
    json('.vscode/mcp.json', {
      servers: {
        [a.name]: a.transport === 'http' ? httpEntry : { type: 'stdio', command: 'node', args: ['${workspaceFolder}/dist/server.js', '--stdio'] },
      },
    }),
  ];
  if (a.transport !== 'http') {
    files.push(json('clients/claude-desktop.json', { mcpServers: { [a.name]: { command: 'node', args: [`/absolute/path/to/${a.name}/dist/server.js`, '--stdio'] } } }));
  }
  if (a.transport !== 'stdio') files.push(json('clients/http.json', { mcpServers: { [a.name]: httpEntry } }));
  return files;
}

/** Every file init writes itself (the server emitter adds the rest on the first generate). */
export async function scaffoldFiles(a: InitAnswers, mcpgenVersion: string): Promise<OutputFile[]> {
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  const view = viewModel(a);
  const files: OutputFile[] = [
    { path: CONFIG_FILE, owner: 'user', contents: JSON.stringify(configObject(a), null, 2) + '\n' },
    { path: 'package.json', owner: 'user', contents: packageJson(a, mcpgenVersion) },
    ...clientFiles(a),
  ];
  for (const t of TEMPLATES) {
    if (t.when && !t.when(a)) continue;
    const source = readFileSync(join(packageRoot(), 'templates', TEMPLATE_DIR, t.from), 'utf8');
    const contents = t.from.endsWith('.hbs') ? hb.compile(source, { noEscape: true, strict: true })(view) : source;
    files.push({ path: t.to, owner: 'user', contents });
  }
  return files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
