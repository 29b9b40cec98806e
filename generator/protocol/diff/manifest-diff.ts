/**
 * The breaking-change report between two versions of a manifest, as client
 * authors see them: what disappeared or got stricter breaks them; additions
 * and widenings do not; wording changes are a patch. Works on loaded
 * manifest objects (not files), so a manifest imported from a live server
 * compares the same way as one read from disk.
 */
import type { Manifest, ManifestPrompt, ManifestTool } from '../../load/manifest-types.js';
import { compareToolSchemas, type Compat } from './schema-compat.js';

export interface ManifestChange {
  compat: Compat;
  /** Stable code, e.g. `tool-removed`, `argument-added`. */
  code: string;
  /** The item, as people name it: `tool "get_forecast"`. */
  item: string;
  message: string;
  /** JSON Pointers into the old and the new manifest, where the change is seen. */
  oldPointer?: string;
  newPointer?: string;
}

export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

/** Also the `mcpgen diff OLD NEW --format json` shape (version 1), with locations added by the CLI. */
export interface ManifestDiff {
  version: 1;
  changes: ManifestChange[];
  summary: { breaking: number; compatible: number; patch: number };
  recommendation: SemverBump;
  /** The old server.version bumped as recommended, when it is a semver version. */
  suggestedVersion?: string;
}

const p = (...segs: (string | number)[]) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

function indexBy<T>(list: T[], key: (t: T) => unknown): Map<string, { value: T; index: number }> {
  const map = new Map<string, { value: T; index: number }>();
  list.forEach((value, index) => {
    const k = key(value);
    if (typeof k === 'string' && !map.has(k)) map.set(k, { value, index });
  });
  return map;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

class Differ {
  readonly changes: ManifestChange[] = [];

  add(compat: Compat, code: string, item: string, message: string, oldPointer?: string, newPointer?: string): void {
    this.changes.push({ compat, code, item, message, ...(oldPointer !== undefined ? { oldPointer } : {}), ...(newPointer !== undefined ? { newPointer } : {}) });
  }

  /** title/description/mimeType-like fields: wording only. */
  docs(item: string, o: Record<string, unknown>, n: Record<string, unknown>, op: string, np: string, keys: string[]): void {
    for (const k of keys) if (!same(o[k], n[k])) this.add('patch', 'doc-changed', item, `${k} changed`, `${op}/${k}`, `${np}/${k}`);
  }

  tools(oldM: Manifest, newM: Manifest): void {
    const olds = indexBy(oldM.tools, (t) => t.name);
    const news = indexBy(newM.tools, (t) => t.name);
    const matched = new Set<string>();
    newM.tools.forEach((t, ni) => {
      const renamedFrom = typeof t.renamedFrom === 'string' ? t.renamedFrom : undefined;
      let old = olds.get(t.name);
      const item = `tool "${t.name}"`;
      if (!old && renamedFrom && olds.has(renamedFrom) && !news.has(renamedFrom)) {
        old = olds.get(renamedFrom)!;
        this.add('breaking', 'tool-renamed', item, `renamed from "${renamedFrom}": clients calling the old name fail`, p('tools', old.index, 'name'), p('tools', ni, 'name'));
      }
      if (!old) {
        this.add('compatible', 'tool-added', item, 'added', undefined, p('tools', ni));
        return;
      }
      matched.add(old.value.name);
      this.tool(item, old.value, t, old.index, ni, oldM, newM);
    });
    oldM.tools.forEach((t, oi) => {
      if (!matched.has(t.name)) this.add('breaking', 'tool-removed', `tool "${t.name}"`, 'removed', p('tools', oi), undefined);
    });
  }

  private tool(item: string, o: ManifestTool, n: ManifestTool, oi: number, ni: number, oldM: Manifest, newM: Manifest): void {
    this.docs(item, o, n, p('tools', oi), p('tools', ni), ['title', 'description']);
    for (const dir of ['input', 'output'] as const) {
      const key = dir === 'input' ? 'inputSchema' : 'outputSchema';
      const os = o[key];
      const ns = n[key];
      const base = (i: number) => p('tools', i, key);
      if (os === undefined && ns === undefined) continue;
      if (dir === 'output' && os === undefined) {
        this.add('compatible', 'output-schema-added', item, 'declares an outputSchema now (structured results)', undefined, base(ni));
        continue;
      }
      if (dir === 'output' && ns === undefined) {
        this.add('breaking', 'output-schema-removed', item, 'no longer declares an outputSchema: clients lose the structured result contract', base(oi), undefined);
        continue;
      }
      for (const c of compareToolSchemas(os, ns, dir)) {
        this.add(c.compat, c.code, item, `${dir === 'input' ? 'input' : 'output'}: ${c.message}`, base(oi) + c.oldPointer, base(ni) + c.newPointer);
      }
    }
    const oa = (o.annotations ?? {}) as Record<string, unknown>;
    const na = (n.annotations ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(oa), ...Object.keys(na)])) {
      if (same(oa[k], na[k])) continue;
      // A tool that stops being read-only, or becomes destructive, changes what clients may auto-approve.
      const riskier = (k === 'readOnlyHint' && oa[k] === true) || (k === 'destructiveHint' && na[k] === true) || (k === 'idempotentHint' && oa[k] === true);
      this.add(riskier ? 'breaking' : 'patch', 'annotation-changed', item, `annotations.${k}: ${JSON.stringify(oa[k]) ?? 'unset'} -> ${JSON.stringify(na[k]) ?? 'unset'}`, p('tools', oi, 'annotations'), p('tools', ni, 'annotations'));
    }
    const so = new Set(oldM.auth?.toolScopes?.[o.name] ?? []);
    const sn = new Set(newM.auth?.toolScopes?.[n.name] ?? []);
    const more = [...sn].filter((s) => !so.has(s));
    const fewer = [...so].filter((s) => !sn.has(s));
    if (more.length) this.add('breaking', 'scope-required', item, `now requires scope${more.length > 1 ? 's' : ''} ${more.join(', ')}`, oldM.auth ? '/auth' : undefined, p('auth', 'toolScopes', n.name));
    if (fewer.length) this.add('compatible', 'scope-dropped', item, `no longer requires ${fewer.join(', ')}`, p('auth', 'toolScopes', o.name), newM.auth ? '/auth' : undefined);
  }

  resources(oldM: Manifest, newM: Manifest): void {
    const olds = indexBy(oldM.resources, (r) => r.uri);
    const news = indexBy(newM.resources, (r) => r.uri);
    for (const [uri, { value: o, index: oi }] of olds) {
      const item = `resource "${uri}"`;
      const n = news.get(uri);
      if (!n) {
        this.add('breaking', 'resource-removed', item, 'removed', p('resources', oi));
        continue;
      }
      if (!same(o.mimeType, n.value.mimeType)) {
        this.add('breaking', 'mime-type-changed', item, `mimeType ${JSON.stringify(o.mimeType) ?? 'unset'} -> ${JSON.stringify(n.value.mimeType) ?? 'unset'}`, p('resources', oi, 'mimeType'), p('resources', n.index, 'mimeType'));
      }
      this.docs(item, o, n.value, p('resources', oi), p('resources', n.index), ['name', 'title', 'description']);
    }
    for (const [uri, { index }] of news) if (!olds.has(uri)) this.add('compatible', 'resource-added', `resource "${uri}"`, 'added', undefined, p('resources', index));
  }

  templates(oldM: Manifest, newM: Manifest): void {
    const olds = indexBy(oldM.resourceTemplates, (r) => r.name);
    const news = indexBy(newM.resourceTemplates, (r) => r.name);
    for (const [name, { value: o, index: oi }] of olds) {
      const item = `resource template "${name}"`;
      const n = news.get(name);
      if (!n) {
        this.add('breaking', 'template-removed', item, 'removed', p('resourceTemplates', oi));
        continue;
      }
      if (o.uriTemplate !== n.value.uriTemplate) {
        this.add('breaking', 'uri-template-changed', item, `uriTemplate ${JSON.stringify(o.uriTemplate)} -> ${JSON.stringify(n.value.uriTemplate)}: URIs clients build no longer match`, p('resourceTemplates', oi, 'uriTemplate'), p('resourceTemplates', n.index, 'uriTemplate'));
      }
      if (!same(o.mimeType, n.value.mimeType)) {
        this.add('breaking', 'mime-type-changed', item, `mimeType ${JSON.stringify(o.mimeType) ?? 'unset'} -> ${JSON.stringify(n.value.mimeType) ?? 'unset'}`, p('resourceTemplates', oi), p('resourceTemplates', n.index));
      }
      this.docs(item, o, n.value, p('resourceTemplates', oi), p('resourceTemplates', n.index), ['title', 'description']);
    }
    for (const [name, { index }] of news) if (!olds.has(name)) this.add('compatible', 'template-added', `resource template "${name}"`, 'added', undefined, p('resourceTemplates', index));
  }

  prompts(oldM: Manifest, newM: Manifest): void {
    const olds = indexBy(oldM.prompts, (r) => r.name);
    const news = indexBy(newM.prompts, (r) => r.name);
    for (const [name, { value: o, index: oi }] of olds) {
      const item = `prompt "${name}"`;
      const n = news.get(name);
      if (!n) {
        this.add('breaking', 'prompt-removed', item, 'removed', p('prompts', oi));
        continue;
      }
      this.promptArguments(item, o, n.value, oi, n.index);
      this.docs(item, o, n.value, p('prompts', oi), p('prompts', n.index), ['title', 'description']);
    }
    for (const [name, { index }] of news) if (!olds.has(name)) this.add('compatible', 'prompt-added', `prompt "${name}"`, 'added', undefined, p('prompts', index));
  }

  private promptArguments(item: string, o: ManifestPrompt, n: ManifestPrompt, oi: number, ni: number): void {
    const oa = indexBy(Array.isArray(o.arguments) ? o.arguments : [], (a) => a.name);
    const na = indexBy(Array.isArray(n.arguments) ? n.arguments : [], (a) => a.name);
    for (const [name, { value, index }] of oa) {
      const m = na.get(name);
      const op = p('prompts', oi, 'arguments', index);
      if (!m) this.add('breaking', 'argument-removed', item, `argument "${name}" removed`, op, p('prompts', ni));
      else if (value.required !== true && m.value.required === true) this.add('breaking', 'made-required', item, `argument "${name}" is now required`, op, p('prompts', ni, 'arguments', m.index));
      else if (value.required === true && m.value.required !== true) this.add('compatible', 'made-optional', item, `argument "${name}" is now optional`, op, p('prompts', ni, 'arguments', m.index));
    }
    for (const [name, { value, index }] of na) {
      if (oa.has(name)) continue;
      const req = value.required === true;
      this.add(req ? 'breaking' : 'compatible', req ? 'required-argument-added' : 'argument-added', item, `new ${req ? 'required' : 'optional'} argument "${name}"`, p('prompts', oi), p('prompts', ni, 'arguments', index));
    }
  }

  server(oldM: Manifest, newM: Manifest): void {
    if (oldM.server?.name !== newM.server?.name && oldM.server && newM.server) {
      this.add('breaking', 'server-renamed', 'server', `name ${JSON.stringify(oldM.server.name)} -> ${JSON.stringify(newM.server.name)}: client configurations keyed by it break`, '/server/name', '/server/name');
    }
    if (oldM.revision !== newM.revision && oldM.revision && newM.revision) {
      const older = newM.revision < oldM.revision;
      this.add(older ? 'breaking' : 'compatible', 'revision-changed', 'manifest', `revision ${oldM.revision} -> ${newM.revision}`, '/revision', '/revision');
    }
    if (oldM.auth === undefined && newM.auth !== undefined) this.add('breaking', 'auth-added', 'server', 'now requires authorization (auth section added)', undefined, '/auth');
    if (oldM.auth !== undefined && newM.auth === undefined) this.add('compatible', 'auth-removed', 'server', 'no longer requires authorization', '/auth', undefined);
  }
}

function bump(version: unknown, kind: SemverBump): string | undefined {
  if (typeof version !== 'string') return undefined;
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m || kind === 'none') return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Below 1.0.0, semver treats the minor as the breaking position.
  if (kind === 'major') return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  if (kind === 'minor') return major === 0 ? `0.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Compares two loaded manifests. */
export function diffManifests(oldM: Manifest, newM: Manifest): ManifestDiff {
  const d = new Differ();
  d.server(oldM, newM);
  d.tools(oldM, newM);
  d.resources(oldM, newM);
  d.templates(oldM, newM);
  d.prompts(oldM, newM);
  const summary = { breaking: 0, compatible: 0, patch: 0 };
  for (const c of d.changes) summary[c.compat]++;
  const recommendation: SemverBump = summary.breaking ? 'major' : summary.compatible ? 'minor' : summary.patch ? 'patch' : 'none';
  const suggestedVersion = bump(oldM.server?.version, recommendation);
  return { version: 1, changes: d.changes, summary, recommendation, ...(suggestedVersion ? { suggestedVersion } : {}) };
}
