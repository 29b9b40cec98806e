/** Icons (rules/icons.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest } from '../helpers/lint-manifest.js';

/** One icon per line, starting on line 5 with `src` at column 11. */
function icons(lines: string[]): string {
  return ['revision: 2025-11-25', 'server:', '  name: s', '  version: "1"', '  icons:', ...lines.map((l) => `    - ${l}`), ''].join('\n');
}
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('icons', () => {
  it('accepts https and base64 image data URIs with image types and WxH sizes', () => {
    const d = lintManifest(icons([
      '{ src: "https://x.example/a.png", mimeType: image/png, sizes: ["48x48", "any"], theme: dark }',
      `{ src: "${PNG}" }`,
    ]));
    expect(d).toEqual([]);
  });

  it('warns on http, rejects javascript:, other schemes and relative references', () => {
    const d = lintManifest(icons(['{ src: "http://x.example/a.png" }', '{ src: "javascript:alert(1)" }', '{ src: "file:///etc/a.png" }', '{ src: "a.png" }']));
    expect(at(d, 'icon/insecure-src')).toEqual([['warning', 6, 14]]);
    expect(at(d, 'icon/bad-scheme')).toEqual([['error', 7, 14], ['error', 8, 14], ['error', 9, 14]]);
  });

  it('rejects data URIs that are not base64 image data', () => {
    const d = lintManifest(icons(['{ src: "data:text/html;base64,PHNjcmlwdD4=" }', '{ src: "data:image/png,rawbytes" }', '{ src: "data:image/png;base64,***" }']));
    expect(at(d, 'icon/bad-data-uri')).toEqual([['error', 6, 14], ['error', 7, 14], ['error', 8, 14]]);
  });

  it('rejects non-image MIME types and warns on SVG', () => {
    const d = lintManifest(icons(['{ src: "https://x.example/a", mimeType: text/html }', '{ src: "https://x.example/a.svg" }', '{ src: "https://x.example/b", mimeType: image/svg+xml }']));
    expect(at(d, 'icon/mime-type')).toEqual([['error', 6, 47]]);
    expect(at(d, 'icon/svg')).toEqual([['warning', 7, 7], ['warning', 8, 7]]);
  });

  it('rejects sizes that are not WxH or any', () => {
    const d = lintManifest(icons(['{ src: "https://x.example/a.png", sizes: ["48x48", "48", "large"] }']));
    expect(at(d, 'icon/sizes')).toEqual([['error', 6, 58], ['error', 6, 64]]);
  });

  it('checks icons on tools, resources, templates and prompts too', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      tools: [{ name: t, description: d, inputSchema: { type: object, additionalProperties: false }, icons: [{ src: "javascript:x" }] }]
      resources: [{ uri: "file:///a", name: a, icons: [{ src: "javascript:x" }] }]
      resourceTemplates: [{ uriTemplate: "file:///{p}", name: b, icons: [{ src: "javascript:x" }] }]
      prompts: [{ name: p, icons: [{ src: "javascript:x" }] }]
    `);
    expect(at(d, 'icon/bad-scheme').map(([, line]) => line)).toEqual([2, 3, 4, 5]);
  });
});
