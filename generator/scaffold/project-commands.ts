/**
 * The one place that maps `mcpgen init` answers to how the project runs
 * mcpgen: the config file (the `targets` shape), the package.json scripts and
 * the commands `scripts/dev.mjs` starts. `mcpgen generate` with no flags runs
 * every target of the config; nothing else in the scaffold spells out a
 * command line.
 */
import type { InitAnswers } from './init-answers.js';

export const MANIFEST_FILE = 'mcp.yaml';
export const CONFIG_FILE = 'mcpgen.config.json';
/** The port `start` (HTTP), `dev` and `.mcp.json` use. */
export const DEFAULT_PORT = 3000;
/** The Inspector release whose CLI `npm run inspect` runs. */
export const INSPECTOR_VERSION = '2.12.0';

/** The folder of the typed client package, a target of its own (two packages never share a folder). */
export const CLIENT_DIR = 'client';

/** What the project folder's own target generates: the server (and its docs). */
export function targetEmit(a: InitAnswers): string[] {
  return ['server', ...a.with.filter((w) => w !== 'client')];
}

/** `mcpgen.config.json`: shared defaults, the project folder as a target, and the client package when chosen. */
export function configObject(a: InitAnswers): Record<string, unknown> {
  return {
    manifests: [MANIFEST_FILE],
    revision: a.revision,
    targets: { '.': { emit: targetEmit(a) }, ...(a.with.includes('client') ? { [CLIENT_DIR]: { emit: ['client'] } } : {}) },
  };
}

/** argv of one generate run: every target of the config. */
export const GENERATE_ARGS: readonly string[] = ['generate'];

/** How `start` serves: HTTP on the default port for HTTP-only projects, else stdio (`start:http` serves HTTP when both). */
export function startArgs(a: InitAnswers): string[] {
  return a.transport === 'http' ? ['--port', String(DEFAULT_PORT)] : ['--stdio'];
}

export function packageScripts(a: InitAnswers): Record<string, string> {
  const generate = ['mcpgen', ...GENERATE_ARGS].join(' ');
  return {
    generate,
    build: 'tsc -p tsconfig.json',
    start: ['node', 'dist/server.js', ...startArgs(a)].join(' '),
    ...(a.transport === 'both' ? { 'start:http': `node dist/server.js --port ${DEFAULT_PORT}` } : {}),
    dev: 'node scripts/dev.mjs',
    test: 'tsc -p tsconfig.json && vitest run',
    inspect: `npx -y @modelcontextprotocol/inspector@${INSPECTOR_VERSION} --cli node dist/server.js --method tools/list`,
    check: `${generate} --check && mcpgen lint ${MANIFEST_FILE}`,
  };
}

/** The long-running commands of `npm run dev` (see templates/init/scripts/dev.mjs). */
export function devCommands(a: InitAnswers): { generate: string[]; watchGenerate: string[] | null; server: string[] } {
  return {
    generate: ['mcpgen', ...GENERATE_ARGS],
    watchGenerate: ['mcpgen', ...GENERATE_ARGS, '--watch'],
    server: ['dist/server.js', '--port', String(DEFAULT_PORT)],
  };
}
