/**
 * `server.json` for the MCP Registry (schema 2025-12-11): the registry name,
 * description, version, the npm package run over stdio with its environment
 * variables, and the HTTP endpoint as a remote. Written only when the registry
 * name is known (`publish.name`, or a GitHub `publish.repository`); the
 * package's `mcpName` carries the same name, which is how the registry checks
 * that the npm package belongs to the entry.
 */
import type { IR } from '../../ir/model.js';
import type { OutputFile } from '../../output/file-map.js';
import { publishInfo, SERVER_JSON_SCHEMA } from '../shared/publish-info.js';

/** The registry caps `description` (and `title`) at 100 characters. */
export const REGISTRY_TEXT_MAX = 100;

const ICON_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/svg+xml', 'image/webp']);

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= REGISTRY_TEXT_MAX ? flat : flat.slice(0, REGISTRY_TEXT_MAX - 1).trimEnd() + '…';
}

export function serverJson(ir: IR): Record<string, unknown> | undefined {
  const info = publishInfo(ir);
  if (!info.registryName) return undefined;
  const s = ir.server;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const description = clip(text(s.description) ?? text(s.title) ?? s.name);
  const env = info.environmentVariables.map((v) => ({
    name: v.name,
    ...(v.description ? { description: v.description } : {}),
    ...(v.isRequired !== undefined ? { isRequired: v.isRequired } : {}),
    ...(v.isSecret !== undefined ? { isSecret: v.isSecret } : {}),
    ...(v.default !== undefined ? { default: v.default } : {}),
  }));
  const icons = (Array.isArray(s.icons) ? s.icons : [])
    .filter((i): i is Record<string, unknown> & { src: string } => typeof i?.src === 'string' && /^https:\/\/\S+$/.test(i.src) && i.src.length <= 255)
    .map((i) => ({
      src: i.src,
      ...(typeof i.mimeType === 'string' && ICON_TYPES.has(i.mimeType) ? { mimeType: i.mimeType } : {}),
      ...(Array.isArray(i.sizes) && i.sizes.length && i.sizes.every((z) => typeof z === 'string' && /^(\d+x\d+|any)$/.test(z)) ? { sizes: i.sizes } : {}),
      ...(i.theme === 'light' || i.theme === 'dark' ? { theme: i.theme } : {}),
    }));
  return {
    $schema: SERVER_JSON_SCHEMA,
    name: info.registryName,
    ...(text(s.title) ? { title: clip(s.title as string) } : {}),
    description,
    ...(info.repository ? { repository: info.repository } : {}),
    version: s.version,
    ...(typeof s.websiteUrl === 'string' && /^https?:\/\//.test(s.websiteUrl) ? { websiteUrl: s.websiteUrl } : {}),
    ...(icons.length ? { icons } : {}),
    packages: [
      {
        registryType: 'npm',
        identifier: info.packageName,
        version: info.packageVersion,
        transport: { type: 'stdio' },
        packageArguments: [{ type: 'named', name: '--stdio' }],
        ...(env.length ? { environmentVariables: env } : {}),
      },
    ],
    ...(info.httpUrl ? { remotes: [{ type: 'streamable-http', url: info.httpUrl }] } : {}),
  };
}

/** server.json beside package.json, rewritten on every run (it is derived from the manifest). */
export function serverJsonFiles(ir: IR): OutputFile[] {
  const json = serverJson(ir);
  return json ? [{ path: 'server.json', contents: JSON.stringify(json, null, 2) + '\n', owner: 'generated', formatted: true }] : [];
}
