/**
 * What a generated server can serve, reported where it is written: URI
 * template forms the runtime matcher cannot resolve, resource URIs clients
 * send in another form (or cannot parse), and names the SDK cannot register.
 * Each of these passed lint before and then failed at run time.
 */
import { describe, expect, it } from 'vitest';
import { checkUriTemplateSupport } from '../../generator/lint/checks/uri-template-support.js';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

describe('URI template forms', () => {
  it.each([
    'x://{id}',
    'x://{+path}',
    'x://{a,b}/{c:3}',
    'x://{.ext}{/seg}{;p}',
    'x://files{/path*}',
    'x://{list*}/x',
    'x://search{?q,limit}',
    'x://search{?q}{&page}',
    'x://search?type=a{&q}',
    'x://search?q={q}&lang={lang}',
    'x://doc{#section}',
    'x://a{?tags*}',
  ])('supports %s', (t) => expect(checkUriTemplateSupport(t)).toEqual([]));

  it.each([
    ['x://{#a}/b', '{#a}: a fragment expression must be the last part of the template'],
    ['x://a{#a,b}', '{#a,b}: a fragment expression takes one variable'],
    ['x://a{;p*}', '{;p*}: exploded path parameters ({;x*}) cannot be matched'],
    ['x://a{&p}', '{&p}: {&x} continues a query, so a "?" or {?x} must come before it'],
    ['x://a{?q}{id}', '{id}: in the query part only {?x}, {&x} and k={x} can be matched'],
    ['x://a{?q}/b', 'literal "/b" after the query starts cannot be matched (only k=v pairs, {?x}, {&x} and a final {#x})'],
  ])('rejects %s', (t, message) => expect(checkUriTemplateSupport(t).map((p) => p.message)).toEqual([message]));

  it('reports an unsupported form where it is written', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      resourceTemplates:
        - { uriTemplate: "x://{id}", name: a }
        - { uriTemplate: "x://{#frag}/tail", name: b }
    `);
    expect(at(d, 'resource-template/unsupported-form')).toEqual([['error', 4, 20]]);
    expect(messages(d, 'resource-template/unsupported-form')[0]).toBe(
      'uriTemplate "x://{#frag}/tail": {#frag}: a fragment expression must be the last part of the template (at character 5).',
    );
  });
});

describe('resource URIs as clients send them', () => {
  it('says a uri is listed and read in normalized form, and refuses one that does not parse', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      resources:
        - { uri: "https://example.com", name: a }
        - { uri: "https://exa%mple.com/x", name: b }
        - { uri: "test://fine", name: c }
        - { uri: "https://example.com/", name: d }
    `);
    expect(at(d, 'resource/uri-normalized')).toEqual([['info', 3, 12]]);
    expect(messages(d, 'resource/uri-normalized')[0]).toContain('is listed and read as "https://example.com/"');
    expect(at(d, 'resource/uri-unreadable')).toEqual([['error', 4, 12]]);
    expect(at(d, 'resource/duplicate-uri')).toEqual([['error', 6, 12]]);
  });
});

describe('names the SDK cannot register', () => {
  it('refuses tool, prompt and template names inherited from Object.prototype', () => {
    const d = lintManifest(`
      revision: 2025-11-25
      tools:
        - { name: constructor, inputSchema: { type: object } }
        - { name: fine, inputSchema: { type: object } }
        - { name: toString, inputSchema: { type: object } }
      prompts:
        - { name: __proto__ }
      resourceTemplates:
        - { uriTemplate: "x://{id}", name: hasOwnProperty }
    `);
    expect(at(d, 'sdk/reserved-name')).toEqual([['error', 3, 13], ['error', 5, 13], ['error', 7, 13], ['error', 9, 38]]);
  });
});
