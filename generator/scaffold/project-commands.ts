/**
 * The one place that maps `mcpgen init` answers to how the project runs
 * mcpgen: the config file (the `targets` shape), the package.json scripts and
 * the commands `scripts/dev.mjs` starts. When `mcpgen generate` learns to run
 * every config target with no flags (and `--watch`), switch the commands
 * here; nothing else in the scaffold spells out a command line.
 */
import type { InitAnswers } from './init-answers.js';

export const MANIFEST_FILE = 'mcp.yaml';
export const CONFIG_FILE = 'mcpgen.config.json';
/** The port `start` (HTTP), `dev` and `.mcp.json` use. */
export const DEFAULT_PORT = 3000;
/** The Inspector release whose CLI `npm run inspect` runs. */
export const INSPECTOR_VERSION = '2.12.0';

/** What the one target (the project folder itself) generates. */
export function targetEmit(a: InitAnswers): string[] {
  return ['server', ...a.with];
}

/** `mcpgen.config.json`: shared defaults plus one target, the project folder. */
export function configObject(a: InitAnswers): Record<string, unknown> {
  return {
    manifests: [MANIFEST_FILE],
    revision: a.revision,
    targets: { '.': { emit: targetEmit(a) } },
  };
}

/** argv of one generate run (flags spelled out, so it works without multi-target config support). */
export function generateArgs(a: InitAnswers): string[] {
  return ['generate', '--manifest', MANIFEST_FILE, '--emit', targetEmit(a).join(','), '--out', '.'];
}

/** How `start` serves: HTTP on the default port for HTTP-only projects, else stdio (`start:http` serves HTTP when both). */
export function startArgs(a: InitAnswers): string[] {
  return a.transport === 'http' ? ['--port', String(DEFAULT_PORT)] : ['--stdio'];
}

export function packageScripts(a: InitAnswers): Record<string, string> {
  const generate = ['mcpgen', ...generateArgs(a)].join(' ');
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
    generate: ['mcpgen', ...generateArgs(a)],
    // `mcpgen generate --watch` does not exist yet: dev.mjs watches the manifest itself.
    watchGenerate: null,
    server: ['dist/server.js', '--port', String(DEFAULT_PORT)],
  };
}
