/** Runs `mcpgen import`: capture the server, write (or update) the manifest atomically, lint it. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { countBySeverity, McpgenError } from '../../diagnostics/diagnostic.js';
import type { ServerSource } from '../../import/capture-server.js';
import { splitCommand } from '../../import/split-command.js';
import { specSource } from './common-options.js';
import { headerArgs } from '../../import/header-args.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { ImportArgs } from './import-command.js';

export async function runImport(args: ImportArgs, io: CliIo): Promise<number> {
  try {
    const source = parseSource(args);
    if (!args.out) throw usage('Name the manifest to write with --out FILE.');
    if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw usage(`--date takes YYYY-MM-DD, not ${JSON.stringify(args.date)}.`);
    if (!(args.timeout > 0) || args.timeout > 3600) throw usage('--timeout takes a number of seconds between 0 and 3600.');
    const out = resolve(args.out);
    const existing = existsSync(out) ? readExisting(out) : undefined;

    const [{ captureServer }, { manifestYaml }, { writeFileAtomic }] = await Promise.all([
      import('../../import/capture-server.js'),
      import('../../import/manifest-document.js'),
      import('../../output/atomic-write.js'),
    ]);
    const captured = await captureServer(source, args.timeout * 1000);
    const text = manifestYaml(captured, { transport: source.kind, ...(args.date ? { date: args.date } : {}) }, existing, args.out);
    const changed = text !== existing;
    if (changed) writeFileAtomic(out, text);
    const counts = `${captured.tools.length} tools, ${captured.resources.length} resources, ${captured.resourceTemplates.length} resource templates, ${captured.prompts.length} prompts`;
    io.err(
      `mcpgen: ${changed ? (existing === undefined ? 'wrote' : 'updated') : 'unchanged'} ${args.out}: ${captured.serverInfo.name} ${captured.serverInfo.version}, revision ${captured.negotiatedRevision}, ${counts}.\n`,
    );
    await lintImported(args, out, io);
    return 0;
  } catch (err) {
    return reportFailure(io, err, 'text');
  }
}

/** Lints the written manifest and shows the findings; they never undo the import. */
async function lintImported(args: ImportArgs, file: string, io: CliIo): Promise<void> {
  const { lint } = await import('../../lint/lint.js');
  try {
    const result = lint({ manifests: [file], ...specSource(args, await loadConfig(args.config)) });
    if (result.diagnostics.length) {
      printDiagnostics(io, result.diagnostics, 'text', result.sources);
      const c = countBySeverity(result.diagnostics);
      if (c.error) io.err(`mcpgen: the imported manifest has ${c.error} lint error(s): the server breaks rules of its revision. Fix the server, or edit the manifest before generating from it.\n`);
    }
  } catch (err) {
    if (!(err instanceof McpgenError)) throw err;
    io.err(`mcpgen: the manifest was written but not linted: ${err.message}\n`);
  }
}

function parseSource(args: ImportArgs): ServerSource {
  if (args.stdio !== undefined && args.url !== undefined) throw usage('Use either --stdio or --url, not both.');
  if (args.stdio !== undefined) {
    if (args.header?.length) throw usage('--header applies to --url only.');
    return { kind: 'stdio', ...splitCommand(args.stdio) };
  }
  if (args.url !== undefined) {
    let url: URL;
    try {
      url = new URL(args.url);
    } catch {
      throw usage(`--url is not a URL: ${JSON.stringify(args.url)}.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usage(`--url must be http: or https:, not ${url.protocol}.`);
    return { kind: 'http', url: url.href, headers: headerArgs(args.header) };
  }
  throw usage('Name the server: --stdio "<command> <args>" or --url URL.');
}

function readExisting(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new McpgenError({ code: 'input/unreadable', severity: 'error', message: `Cannot read ${path}: ${(err as Error).message}`, hint: 'Choose another --out.' });
  }
}

function usage(message: string): McpgenError {
  return new McpgenError({ code: 'usage/invalid', severity: 'error', message, hint: 'Run `mcpgen import --help` for usage.' });
}
