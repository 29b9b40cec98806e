/**
 * Icons (2025-11-25 on) on the server, tools, resources, templates and
 * prompts: `src` is an https URL or a base64 `data:` image, `mimeType` is an
 * image type, `sizes` are `WxH` or `any`. SVG can carry script, so it warns.
 * @see ../../../../shared/docs/mcp-revisions.md "Icon" (SEP-973)
 */
import { joinPointer } from '../../load/json-pointer.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

const SIZE = /^(any|[1-9][0-9]*x[1-9][0-9]*)$/;
const IMAGE_MIME = /^image\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;
const DATA_URI = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/s;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const iconsRule: LintRule = {
  id: 'icons',
  codes: {
    'icon/insecure-src': { severity: 'warning', title: 'Icon over plain http', cause: 'An http icon URL can be altered in transit; the spec expects https or a data: URI.', fix: 'Serve the icon over https.' },
    'icon/bad-scheme': {
      severity: 'error',
      title: 'Icon src with a forbidden scheme',
      cause: 'An icon `src` must be an https URL or a `data:` URI; other schemes (`javascript:`, `file:`, ...) are unsafe or unusable by clients, and a relative reference has no base.',
      fix: 'Use an absolute https URL or a base64 `data:image/...` URI.',
    },
    'icon/bad-data-uri': { severity: 'error', title: 'Icon data: URI is not base64 image data', cause: 'A data: icon must be `data:image/<type>;base64,<data>` with valid base64.', fix: 'Encode the image as base64 and declare its image MIME type.' },
    'icon/mime-type': { severity: 'error', title: 'Icon MIME type is not an image type', cause: '`mimeType` must be an `image/...` type.', fix: 'Use image/png, image/jpeg, image/webp or image/svg+xml.' },
    'icon/svg': { severity: 'warning', title: 'SVG icon', cause: 'SVG can carry script; clients are told to treat it with care, and some refuse it.', fix: 'Prefer PNG or WebP, or make sure the SVG has no script.' },
    'icon/sizes': { severity: 'error', title: 'Icon size not `WxH` or `any`', cause: 'Each `sizes` entry must be `WxH` (e.g. `48x48`) or `any`.', fix: 'Write sizes as `48x48`, or `any` for scalable images.' },
  },
  check({ loaded }) {
    const m = loaded.manifest;
    const holders: { value: unknown; pointer: string }[] = [{ value: m.server, pointer: '/server' }];
    for (const section of ['tools', 'resources', 'resourceTemplates', 'prompts'] as const) {
      m[section].forEach((item, i) => holders.push({ value: item, pointer: joinPointer('', section, i) }));
    }
    const out: Finding[] = [];
    for (const { value, pointer } of holders) {
      if (!isJsonObject(value) || !Array.isArray(value.icons)) continue;
      value.icons.forEach((icon, i) => {
        if (isJsonObject(icon)) out.push(...checkIcon(icon, joinPointer(pointer, 'icons', i)));
      });
    }
    return out;
  },
};

function checkIcon(icon: Record<string, unknown>, pointer: string): Finding[] {
  const out: Finding[] = [];
  let svg = false;
  const src = icon.src;
  const srcAt = joinPointer(pointer, 'src');
  if (typeof src === 'string') {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(src)?.[1]?.toLowerCase();
    if (scheme === 'https') {
      svg ||= /\.svgz?(\?|#|$)/i.test(src);
    } else if (scheme === 'http') {
      out.push({ code: 'icon/insecure-src', message: `Icon src ${JSON.stringify(src)} uses http; use https.`, pointer: srcAt });
      svg ||= /\.svgz?(\?|#|$)/i.test(src);
    } else if (scheme === 'data') {
      const data = DATA_URI.exec(src);
      const mime = data?.[1]?.toLowerCase() ?? '';
      const base64 = data?.[2]?.split(';').includes('base64') ?? false;
      if (!data || !IMAGE_MIME.test(mime) || !base64 || !BASE64.test(data[3]!.replace(/\s/g, ''))) {
        out.push({ code: 'icon/bad-data-uri', message: 'Icon data: URI must be data:image/<type>;base64,<base64 data>.', pointer: srcAt });
      }
      svg ||= mime === 'image/svg+xml';
    } else {
      const what = scheme ? `the "${scheme}:" scheme` : 'no scheme (a relative reference)';
      out.push({ code: 'icon/bad-scheme', message: `Icon src ${JSON.stringify(src.slice(0, 60))} has ${what}; only https and data: are allowed.`, pointer: srcAt });
    }
  }
  if (typeof icon.mimeType === 'string') {
    const mime = icon.mimeType.split(';')[0]!.trim().toLowerCase();
    if (!IMAGE_MIME.test(mime)) {
      out.push({ code: 'icon/mime-type', message: `Icon mimeType ${JSON.stringify(icon.mimeType)} is not an image type.`, pointer: joinPointer(pointer, 'mimeType') });
    }
    svg ||= mime === 'image/svg+xml';
  }
  if (svg) out.push({ code: 'icon/svg', message: 'SVG icon: SVG can carry script; clients must sanitize it and some refuse it.', pointer });
  if (Array.isArray(icon.sizes)) {
    icon.sizes.forEach((size, i) => {
      if (typeof size === 'string' && !SIZE.test(size)) {
        out.push({ code: 'icon/sizes', message: `Icon size ${JSON.stringify(size)} is not WxH (e.g. "48x48") or "any".`, pointer: joinPointer(pointer, 'sizes', i) });
      }
    });
  }
  return out;
}
