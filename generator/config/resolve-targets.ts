/**
 * From a loaded config (and the command line's overrides) to the list of
 * concrete runs: one per target and revision, with absolute paths. A target
 * with several revisions generates each into `<target>/<revision>/`.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRevision, listRevisions } from '../spec/revisions.js';
import type { EmitEntry, TargetConfig } from './config-types.js';
import type { LoadedConfig } from './load-config.js';
import { configDiagnostic, escapePointer } from './validate-config.js';
import type { PlaceDiagnostic } from '../emit/plugin-loader.js';

export interface TargetOverrides {
  manifests?: string[];
  revision?: string;
  emit?: string[];
  /** Run one ad-hoc target into this folder (with `--out`). */
  out?: string;
  /** Run only these targets (config keys). */
  only?: string[];
}

export interface ResolvedTarget {
  /** How the run is named in summaries: the config key (plus `/<revision>`), or the --out folder. */
  name: string;
  /** The config key, when the target comes from the config. */
  key?: string;
  out: string;
  manifests: string[];
  /** Undefined: the manifest's revision, else mcpgen's default. */
  revision?: string;
  emit: EmitEntry[];
  emitterOptions?: Record<string, Record<string, unknown>>;
  /** Locates problems in this target's part of the config. */
  place: PlaceDiagnostic;
}

/** The newest released revision (never the draft). */
export function latestRevision(): string {
  return listRevisions().filter((r) => r.status === 'final').at(-1)!.id;
}

export function resolveTargets(loaded: LoadedConfig, overrides: TargetOverrides, cwd: string = process.cwd()): { targets: ResolvedTarget[]; diagnostics: Diagnostic[] } {
  const { config, dir } = loaded;
  const diagnostics: Diagnostic[] = [];
  const cli: PlaceDiagnostic = (_suffix, message, o) => ({ code: o?.code ?? 'usage/invalid', severity: 'error', message: `--emit: ${message}`, ...(o?.hint ? { hint: o.hint } : {}) });
  // Problems in an --emit list are the command line's, not the config's.
  const at = (pointer: string): PlaceDiagnostic => (suffix, message, o) =>
    loaded.raw && !(overrides.emit?.length && suffix.startsWith('/emit')) ? configDiagnostic(loaded.raw, pointer + suffix, message, o) : cli(suffix, message, o);
  const fromConfig = (paths: string[] | undefined) => paths?.map((p) => resolve(dir, p));
  const cliManifests = overrides.manifests?.map((p) => resolve(cwd, p));

  let entries: [string | undefined, TargetConfig, string][] = Object.entries(config.targets ?? {}).map(([key, t]) => [key, t, `/targets/${escapePointer(key)}`]);
  if (config.out) entries.push([config.out, { emit: config.emit ?? ['manifest'] }, '']);
  if (overrides.out !== undefined) {
    const out = resolve(cwd, overrides.out);
    // A config target writing to the same folder lends its settings.
    const same = entries.find(([key]) => key !== undefined && resolve(dir, key) === out);
    entries = [[same?.[0], same?.[1] ?? { emit: ['manifest'] }, same?.[2] ?? '']];
    return expand(entries.map(([key, t, pointer]) => ({ key, target: t, pointer, out })));
  }
  if (overrides.only?.length) {
    for (const name of overrides.only) {
      if (!entries.some(([key]) => key === name)) {
        diagnostics.push({ code: 'usage/invalid', severity: 'error', message: `No target "${name}" in the config.`, hint: `Targets: ${entries.map(([k]) => k).join(', ') || '(none)'}.` });
      }
    }
    entries = entries.filter(([key]) => key !== undefined && overrides.only!.includes(key));
  }
  return expand(entries.map(([key, target, pointer]) => ({ key, target, pointer, out: resolve(dir, key!) })));

  function expand(list: { key: string | undefined; target: TargetConfig; pointer: string; out: string }[]) {
    const targets: ResolvedTarget[] = [];
    for (const { key, target, pointer, out } of list) {
      const place = at(pointer);
      const manifests = cliManifests ?? fromConfig(target.manifests) ?? fromConfig(config.manifests);
      if (!manifests?.length) {
        diagnostics.push(loaded.raw && key !== undefined ? place('', 'no manifests: set "manifests" here or at the top of the config.') : { code: 'usage/invalid', severity: 'error', message: 'generate needs --manifest FILE (or manifests in the config).' });
        continue;
      }
      const revisionPointer = target.revision !== undefined ? `${pointer}/revision` : '/revision';
      const given = overrides.revision ?? target.revision ?? config.revision;
      const revisions = given === undefined ? [undefined] : (Array.isArray(given) ? given : [given]);
      const many = revisions.length > 1;
      revisions.forEach((r, i) => {
        const revision = r === 'latest' ? latestRevision() : r;
        if (revision !== undefined && !findRevision(revision)) {
          const p = Array.isArray(given) ? `${revisionPointer}/${i}` : revisionPointer;
          diagnostics.push(
            overrides.revision === undefined && loaded.raw
              ? configDiagnostic(loaded.raw, p, `unknown MCP revision "${revision}".`, { hint: `Known: ${listRevisions().map((x) => x.id).join(', ')}, latest.`, code: 'spec/unknown-revision' })
              : { code: 'spec/unknown-revision', severity: 'error', message: `Unknown MCP revision "${revision}".`, hint: `Known: ${listRevisions().map((x) => x.id).join(', ')}, latest.` },
          );
          return;
        }
        const name = (key ?? out) + (many ? `/${revision}` : '');
        targets.push({
          name,
          ...(key !== undefined ? { key } : {}),
          out: many ? resolve(out, revision!) : out,
          manifests,
          ...(revision !== undefined ? { revision } : {}),
          emit: overrides.emit?.length ? overrides.emit : target.emit,
          ...(target.options ? { emitterOptions: overrides.emit?.length ? pick(target.options, overrides.emit) : target.options } : {}),
          place,
        });
      });
    }
    return { targets, diagnostics };
  }
}

/** The options of the emitters a --emit override keeps. */
function pick(options: Record<string, Record<string, unknown>>, names: string[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(options).filter(([name]) => names.includes(name)));
}
