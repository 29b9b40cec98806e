/** Runs `mcpgen add`: check the name, splice the entry into the manifest, regenerate (or restore the manifest). */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../config/load-config.js';
import { McpgenError } from '../../diagnostics/diagnostic.js';
import { build } from '../../build.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { appendEntry } from '../../scaffold/add-entry.js';
import { ADD_KINDS, newEntry, type AddKind } from '../../scaffold/new-entry.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { AddArgs } from './add-command.js';

type Manifest = Partial<Record<(typeof ADD_KINDS)[AddKind], Record<string, unknown>[]>> & { server?: { name?: unknown } };

/** The scheme of the first resource or template URI, else one made from the server name. */
function schemeOf(m: Manifest): string {
  for (const e of [...(m.resources ?? []), ...(m.resourceTemplates ?? [])]) {
    const s = /^([a-z][a-z0-9+.-]*):/i.exec(String(e?.uri ?? e?.uriTemplate ?? ''));
    if (s) return s[1]!;
  }
  const name = typeof m.server?.name === 'string' ? m.server.name.toLowerCase().replace(/[^a-z0-9+.-]+/g, '-').replace(/^[^a-z]+/, '') : '';
  return name || 'app';
}

export async function runAdd(args: AddArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const configManifest = config.config.manifests?.[0];
    const manifestPath = args.manifest ? resolve(args.manifest) : configManifest ? resolve(config.dir, configManifest) : resolve('mcp.yaml');
    const shown = relative(process.cwd(), manifestPath) || manifestPath;
    if (!existsSync(manifestPath)) {
      throw new McpgenError({ code: 'input/unreadable', severity: 'error', message: `No manifest at ${shown}.`, hint: 'Pass --manifest FILE, or run mcpgen init first.' });
    }
    const kind = args.kind as AddKind;
    const key = ADD_KINDS[kind];
    const before = readFileSync(manifestPath, 'utf8');
    let manifest: Manifest;
    try {
      manifest = (parse(before, { version: '1.2' }) ?? {}) as Manifest;
    } catch {
      manifest = {}; // appendEntry reports the syntax error with its message
    }
    const list = Array.isArray(manifest[key]) ? manifest[key]! : [];
    const entry = newEntry({
      kind,
      name: args.name,
      title: args.title,
      description: args.description,
      args: args.arg ?? [],
      uri: kind === 'resource' ? args.uri : kind === 'template' ? args['uri-template'] : undefined,
      existing: list.map((e) => e?.name).filter((n): n is string => typeof n === 'string'),
      scheme: schemeOf(manifest),
    });
    const after = appendEntry(before, key, entry, shown);
    writeFileAtomic(manifestPath, after);
    io.out(`Added ${kind} ${JSON.stringify(args.name)} to ${shown}.\n`);

    if (!args.generate) return 0;
    const hasTargets = Object.keys(config.config.targets ?? {}).length > 0 || config.config.out !== undefined;
    if (!args.out && !hasTargets) {
      io.out('Run your generate command (or pass --out and --emit) to create its handler.\n');
      return 0;
    }
    const restore = () => {
      writeFileAtomic(manifestPath, before);
      io.err(`mcpgen: generate failed, so ${shown} was restored.\n`);
    };
    let built: Awaited<ReturnType<typeof build>>;
    try {
      // --out: that folder only; else every target of the config, as `npm run generate` does.
      built = await build({
        ...(args.config !== undefined ? { config: args.config } : {}),
        mode: 'write',
        overrides: args.out ? { out: args.out, manifests: [manifestPath], ...(args.emit?.length ? { emit: args.emit } : {}) } : {},
        specDir: args['spec-dir'],
        ...(args['allow-unpinned'] !== undefined ? { allowUnpinned: args['allow-unpinned'] } : {}),
      });
    } catch (err) {
      restore();
      throw err;
    }
    const result = { diagnostics: built.diagnostics, exitCode: built.exitCode, sources: new Map(built.targets.flatMap((t) => [...t.sources])), plan: built.targets.flatMap((t) => t.plan) };
    if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text', result.sources);
    if (result.exitCode !== 0) {
      restore();
      return result.exitCode;
    }
    const created = result.plan.filter((p) => p.action === 'create' && p.owner === 'user').map((p) => relative(process.cwd(), p.absolutePath));
    const handler = created.find((p) => /(^|[\\/])handlers[\\/]/.test(p));
    const others = created.filter((p) => p !== handler);
    if (others.length) io.out(`Created ${others.join(', ')}.\n`);
    io.out(handler ? `Created ${handler}: implement it, then run your tests.\n` : 'Regenerated.\n');
    return 0;
  } catch (err) {
    return reportFailure(io, err, 'text');
  }
}
