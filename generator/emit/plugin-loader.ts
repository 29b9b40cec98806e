/**
 * Turns a target's `emit` list into emitters with checked options: built-in
 * names from the registry, and plug-ins (`{ plugin: './x.mjs' }` relative to
 * the config, or an npm package resolved from the config's folder). A plug-in
 * is an ES module whose default export (or `emitter` export) implements the
 * Emitter contract, or is a function returning one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EmitEntry } from '../config/config-types.js';
import type { Emitter } from './emitter.js';
import { emitterNames, isBuiltinEmitter, loadBuiltinEmitter } from './registry.js';

export interface LoadedEmitter {
  emitter: Emitter;
  options: Record<string, unknown>;
  /** Identifies the emitter's code for the incremental cache: `builtin:<name>` or a hash of the plug-in file. */
  fingerprint: string;
}

/** Builds a located diagnostic about `emit[i]` (suffix `/emit/1`) or `options/<name>/...` of the target. */
export type PlaceDiagnostic = (suffix: string, message: string, options?: { key?: boolean; hint?: string; code?: string }) => Diagnostic;

export interface LoadEmittersInput {
  entries: EmitEntry[];
  /** Built-in emitters' options by name (the target's `options`). */
  options?: Record<string, Record<string, unknown>>;
  /** Where plug-in paths are resolved from (the config's folder). */
  baseDir: string;
  place: PlaceDiagnostic;
}

const NAME = /^[a-z][a-z0-9-]*$/;

export async function loadEmitterEntries(input: LoadEmittersInput): Promise<{ emitters: LoadedEmitter[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const emitters: LoadedEmitter[] = [];
  const names = new Set<string>();
  for (const [i, entry] of input.entries.entries()) {
    const at = `/emit/${i}`;
    let loaded: LoadedEmitter | undefined;
    if (typeof entry === 'string') {
      if (!isBuiltinEmitter(entry)) {
        diagnostics.push(input.place(at, `unknown emitter "${entry}".`, { hint: `Built-in emitters: ${emitterNames().join(', ')}. A plug-in is written { plugin: './my-emitter.mjs' }.` }));
        continue;
      }
      loaded = { emitter: await loadBuiltinEmitter(entry), options: input.options?.[entry] ?? {}, fingerprint: `builtin:${entry}` };
    } else {
      loaded = await loadPlugin(entry.plugin, input.baseDir, at, input.place, diagnostics);
      if (!loaded) continue;
      if (input.options?.[loaded.emitter.name] !== undefined) {
        diagnostics.push(input.place(`/options/${loaded.emitter.name}`, `options of the plug-in "${loaded.emitter.name}" go in its emit entry ({ plugin, options }).`, { key: true }));
      }
      loaded.options = entry.options ?? {};
    }
    if (names.has(loaded.emitter.name)) {
      diagnostics.push(input.place(at, `emitter "${loaded.emitter.name}" is listed twice.`));
      continue;
    }
    names.add(loaded.emitter.name);
    const problems = await checkOptions(loaded, typeof entry === 'string' ? `/options/${entry}` : `${at}/options`, input.place);
    diagnostics.push(...problems);
    emitters.push(loaded);
  }
  for (const name of Object.keys(input.options ?? {})) {
    if (!names.has(name)) diagnostics.push(input.place(`/options/${name}`, `options for "${name}", which this target does not emit.`, { key: true }));
  }
  return { emitters, diagnostics };
}

async function loadPlugin(spec: string, baseDir: string, at: string, place: PlaceDiagnostic, diagnostics: Diagnostic[]): Promise<LoadedEmitter | undefined> {
  const file = resolvePlugin(spec, baseDir);
  if (!file) {
    diagnostics.push(place(`${at}/plugin`, `cannot find the plug-in "${spec}".`, { code: 'plugin/invalid', hint: 'A path is relative to the config file (start it with ./); a package must be installed where the config is.' }));
    return undefined;
  }
  let exported: unknown;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; emitter?: unknown };
    exported = mod.default ?? mod.emitter;
    if (typeof exported === 'function') exported = await (exported as () => unknown)();
  } catch (err) {
    diagnostics.push(place(`${at}/plugin`, `the plug-in ${spec} failed to load: ${String((err as Error)?.message ?? err).split('\n')[0]}`, { code: 'plugin/invalid' }));
    return undefined;
  }
  const why = contractViolation(exported);
  if (why) {
    diagnostics.push(place(`${at}/plugin`, `${spec} is not an mcpgen emitter: ${why}.`, { code: 'plugin/invalid', hint: 'See docs/plugins.md for the contract.' }));
    return undefined;
  }
  const emitter = exported as Emitter;
  if (isBuiltinEmitter(emitter.name)) {
    diagnostics.push(place(`${at}/plugin`, `the plug-in's name "${emitter.name}" is a built-in emitter's; choose another.`, { code: 'plugin/invalid' }));
    return undefined;
  }
  return { emitter, options: {}, fingerprint: `plugin:${createHash('sha256').update(readFileSync(file)).digest('hex')}` };
}

function contractViolation(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'its default export is not an object';
  const e = value as Record<string, unknown>;
  if (typeof e.name !== 'string' || !NAME.test(e.name)) return '`name` must be a lowercase name such as "my-docs"';
  if (typeof e.description !== 'string') return '`description` must be a string';
  if (typeof e.emit !== 'function') return '`emit(context)` must be a function';
  if (!Array.isArray(e.files) || !e.files.every((f) => typeof f === 'string')) return '`files` must list the paths (globs) it writes';
  if (e.userOwned !== undefined && (!Array.isArray(e.userOwned) || !e.userOwned.every((f) => typeof f === 'string'))) return '`userOwned` must be a list of globs';
  if (e.optionsSchema !== undefined && (typeof e.optionsSchema !== 'object' || e.optionsSchema === null)) return '`optionsSchema` must be a JSON Schema object';
  if (e.package !== undefined && typeof e.package !== 'boolean') return '`package` must be a boolean';
  return undefined;
}

/** A plug-in's entry file: a path from the config's folder, or an installed package. */
function resolvePlugin(spec: string, baseDir: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const file = resolve(baseDir, spec);
    return existsSync(file) ? file : undefined;
  }
  try {
    return createRequire(join(baseDir, 'mcpgen.config.js')).resolve(spec);
  } catch {
    // An ESM-only package without a `require` condition: read its package.json.
  }
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const pkgFile = join(dir, 'node_modules', spec, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: string; exports?: unknown };
      const exp = pkg.exports as Record<string, unknown> | string | undefined;
      const root = typeof exp === 'string' ? exp : (exp?.['.'] ?? exp);
      const target = typeof root === 'string' ? root : ((root as Record<string, unknown> | undefined)?.import ?? (root as Record<string, unknown> | undefined)?.default ?? pkg.main ?? 'index.js');
      return typeof target === 'string' ? join(dirname(pkgFile), target) : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The options schema of an emitter without one: a single object, because
 * Ajv caches compiled schemas by object (a new literal per run made
 * `generate --watch` compile it again on every save, and keep every copy).
 */
const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} };

async function checkOptions(loaded: LoadedEmitter, pointer: string, place: PlaceDiagnostic): Promise<Diagnostic[]> {
  const schema = loaded.emitter.optionsSchema ?? NO_OPTIONS;
  if (loaded.fingerprint.startsWith('builtin:')) {
    // A built-in's options are nearly always valid: lint's sound fast path says so without loading Ajv (about 70 ms of every generate); Ajv still words the errors.
    const { QuickValidator } = await import('../lint/checks/quick-validate.js');
    if (new QuickValidator({ 'mcpgen:/options': schema }).valid(schema, 'mcpgen:/options', loaded.options)) return [];
  }
  const { configAjv, schemaDiagnostics } = await import('../config/validate-config.js');
  let validate;
  try {
    validate = configAjv().compile(schema);
  } catch (err) {
    return [place(pointer, `the options schema of "${loaded.emitter.name}" is not valid JSON Schema: ${(err as Error).message}`, { code: 'plugin/invalid' })];
  }
  if (validate(loaded.options)) return [];
  return schemaDiagnostics((inner, message, options) => place(pointer + inner, message, options), validate.errors ?? []);
}
