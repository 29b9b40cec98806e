/** Resources and resource templates (rules/resources.ts, checks/uri-template-syntax.ts). */
import { describe, expect, it } from 'vitest';
import { checkUriTemplate } from '../../generator/lint/checks/uri-template-syntax.js';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

describe('RFC 6570 syntax', () => {
  it.each([
    'file:///{path}',
    'https://x.example/{+base}/items{?q,limit}{&page}',
    '{#frag}{.ext}{/seg*}{;params}{var:30}',
    'x://{a.b}/{%41x}',
    'no-expression',
  ])('accepts %s', (t) => expect(checkUriTemplate(t)).toEqual([]));

  it.each([
    ['x://{a', 'unclosed "{"'],
    ['x://a}', '"}" without a matching "{"'],
    ['x://{}', 'empty expression "{}"'],
    ['x://{=a}', 'operator "=" is reserved for future extensions'],
    ['x://{a b}', 'invalid variable name "a b"'],
    ['x://{a:0}', 'prefix length ":0" must be 1 to 9999'],
    ['x://{a:10000}', 'prefix length ":10000" must be 1 to 9999'],
    ['x://{a..b}', 'invalid variable name "a..b"'],
    ['x://{a,}', 'missing variable name'],
    ['x://a b/{c}', 'character " " is not allowed outside an expression'],
    ['x://%zz{c}', '"%" not followed by two hex digits'],
  ])('rejects %s', (t, message) => expect(checkUriTemplate(t).map((p) => p.message)).toEqual([message]));
});

describe('resources rule', () => {
  it('accepts absolute unique URIs, valid templates and media types', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      resources:
        - { uri: "file:///a.txt", name: a, mimeType: "text/plain; charset=utf-8" }
        - { uri: "myapp://b", name: b, mimeType: application/vnd.api+json }
      resourceTemplates:
        - { uriTemplate: "file:///{+path}", name: f, mimeType: text/plain }
        - { uriTemplate: "search://{?q,limit}", name: s }
    `);
    expect(d).toEqual([]);
  });

  it('reports relative or spaced URIs, duplicates and malformed media types', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      resources:
        - { uri: "file:///a", name: a }
        - { uri: "notes/today.txt", name: b }
        - { uri: "file:///a", name: c, mimeType: text }
    `);
    expect(at(d, 'resource/uri-not-absolute')).toEqual([['error', 4, 12]]);
    expect(at(d, 'resource/duplicate-uri')).toEqual([['error', 5, 12]]);
    expect(messages(d, 'resource/duplicate-uri')[0]).toContain('resources[0]');
    expect(at(d, 'resource/mime-type')).toEqual([['error', 5, 44]]);
    expect(at(d, 'definition/invalid')).toEqual([]);
  });

  it('reports invalid and duplicate templates, and variables equal but for case', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      resourceTemplates:
        - { uriTemplate: "file:///{path", name: a }
        - { uriTemplate: "x://{id}/{ID}", name: b }
        - { uriTemplate: "x://{id}/{ID}", name: c }
    `);
    expect(at(d, 'resource-template/invalid-syntax')).toEqual([['error', 3, 20]]);
    expect(messages(d, 'resource-template/invalid-syntax')[0]).toBe('uriTemplate "file:///{path": unclosed "{" (at character 9).');
    expect(at(d, 'resource-template/duplicate')).toEqual([['error', 5, 20]]);
    expect(at(d, 'resource-template/variable-case-collision')).toEqual([['warning', 4, 20], ['warning', 5, 20]]);
    expect(at(d, 'definition/invalid')).toEqual([]);
  });
});
