/**
 * Resources and resource templates: absolute, unique `uri`s; RFC 6570
 * `uriTemplate`s, unique; `mimeType` shaped `type/subtype` with optional
 * parameters; template variables that differ only in case.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-4.3 (absolute URI)
 * @see https://www.rfc-editor.org/rfc/rfc6570 (URI templates)
 */
import { joinPointer } from '../../load/json-pointer.js';
import { uriTemplateVariables } from '../../ir/uri-template.js';
import { checkUriTemplate } from '../checks/uri-template-syntax.js';
import { checkUriTemplateSupport } from '../checks/uri-template-support.js';
import { normalizeResourceUri } from '../../ir/resource-uri.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const MIME = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(${TOKEN}|"[^"]*"))*$`);

export const resourcesRule: LintRule = {
  id: 'resources',
  codes: {
    'resource/uri-not-absolute': { severity: 'error', title: 'Resource uri is not an absolute URI', cause: 'A resource `uri` must be an absolute URI with a scheme (`file:///…`, `https://…`, `myapp://…`) and no spaces.', fix: 'Add a scheme, and percent-encode spaces.' },
    'resource/duplicate-uri': { severity: 'error', title: 'Two resources with the same uri', cause: 'A resource is identified by its uri; clients can read only one of them.', fix: 'Give each resource its own uri.' },
    'resource/mime-type': { severity: 'error', title: 'mimeType is not `type/subtype`', cause: 'A `mimeType` must be a media type: `type/subtype`, optionally followed by `; name=value` parameters.', fix: 'Use a media type such as `text/plain` or `application/json`.' },
    'resource-template/invalid-syntax': { severity: 'error', title: 'uriTemplate is not valid RFC 6570', cause: 'The template has unbalanced braces, an unknown operator, an invalid variable name or modifier, or a character that is not allowed.', fix: 'Fix the template at the position named in the message (e.g. `file:///{path}` or `search{?q,limit}`).' },
    'resource-template/duplicate': { severity: 'error', title: 'Two templates with the same uriTemplate', cause: 'Two resource templates declare the same uriTemplate; a client cannot tell which one a URI belongs to.', fix: 'Remove or change one of them.' },
    'resource/uri-unreadable': { severity: 'error', title: 'Resource uri cannot be read back', cause: 'Clients and the SDK parse a resource uri as a WHATWG URL before reading it; this one does not parse, so a generated server could list it but never serve it.', fix: 'Use a uri that `new URL(uri)` accepts (percent-encode special characters, give http(s) URIs a valid host).' },
    'resource/uri-normalized': { severity: 'info', title: 'Resource uri is listed in normalized form', cause: 'Clients send the WHATWG-normalized form of a uri (`https://example.com` becomes `https://example.com/`), so a generated server lists and reads it in that form.', fix: 'Write the normalized form in the manifest to silence this.' },
    'resource-template/unsupported-form': { severity: 'error', title: 'uriTemplate form cannot be matched', cause: 'A generated server matches every RFC 6570 form except these: a fragment expression that is not last or has several variables, exploded path parameters `{;x*}`, `{&x}` without a query before it, and anything in the query part other than `{?x}`, `{&x}`, `k=v` and `k={x}`.', fix: 'Rewrite the template with a supported form (e.g. `search{?q,limit}` or `files{/path*}`).' },
    'resource-template/variable-case-collision': { severity: 'warning', title: 'Template variables equal but for case', cause: 'Two variables of one template differ only in case; generated parameter names and many routers fold case.', fix: 'Rename one variable.' },
  },
  check({ loaded }) {
    const m = loaded.manifest;
    const out: Finding[] = [];
    const uris = new Map<string, number>();
    m.resources.forEach((r, i) => {
      if (!isJsonObject(r)) return;
      const at = joinPointer('/resources', i, 'uri');
      if (typeof r.uri === 'string') {
        if (!ABSOLUTE_URI.test(r.uri)) {
          out.push({ code: 'resource/uri-not-absolute', message: `Resource uri ${JSON.stringify(r.uri)} is not an absolute URI (scheme:rest, no spaces).`, pointer: at });
        }
        const normalized = ABSOLUTE_URI.test(r.uri) ? normalizeResourceUri(r.uri) : r.uri;
        if (normalized === undefined) {
          out.push({ code: 'resource/uri-unreadable', message: `Resource uri ${JSON.stringify(r.uri)} does not parse as a URL, so clients cannot read it back.`, pointer: at });
        } else if (normalized !== r.uri) {
          out.push({ code: 'resource/uri-normalized', message: `Resource uri ${JSON.stringify(r.uri)} is listed and read as ${JSON.stringify(normalized)}, the form clients send.`, pointer: at });
        }
        const key = normalized ?? r.uri;
        const first = uris.get(key);
        if (first !== undefined) out.push({ code: 'resource/duplicate-uri', message: `Resource uri ${JSON.stringify(r.uri)} is already used by resources[${first}].`, pointer: at });
        else uris.set(key, i);
      }
      out.push(...checkMime(r.mimeType, joinPointer('/resources', i, 'mimeType')));
    });
    const templates = new Map<string, number>();
    m.resourceTemplates.forEach((t, i) => {
      if (!isJsonObject(t)) return;
      const at = joinPointer('/resourceTemplates', i, 'uriTemplate');
      if (typeof t.uriTemplate === 'string') {
        const problems = checkUriTemplate(t.uriTemplate);
        for (const p of problems) {
          out.push({ code: 'resource-template/invalid-syntax', message: `uriTemplate ${JSON.stringify(t.uriTemplate)}: ${p.message} (at character ${p.offset + 1}).`, pointer: at });
        }
        const first = templates.get(t.uriTemplate);
        if (first !== undefined) out.push({ code: 'resource-template/duplicate', message: `uriTemplate ${JSON.stringify(t.uriTemplate)} is already used by resourceTemplates[${first}].`, pointer: at });
        else templates.set(t.uriTemplate, i);
        if (!problems.length) {
          for (const p of checkUriTemplateSupport(t.uriTemplate)) {
            out.push({ code: 'resource-template/unsupported-form', message: `uriTemplate ${JSON.stringify(t.uriTemplate)}: ${p.message} (at character ${p.offset + 1}).`, pointer: at });
          }
          const folded = new Map<string, string>();
          for (const name of uriTemplateVariables(t.uriTemplate)) {
            const other = folded.get(name.toLowerCase());
            if (other !== undefined) {
              out.push({ code: 'resource-template/variable-case-collision', message: `Template variables "${other}" and "${name}" differ only in case.`, pointer: at });
            } else folded.set(name.toLowerCase(), name);
          }
        }
      }
      out.push(...checkMime(t.mimeType, joinPointer('/resourceTemplates', i, 'mimeType')));
    });
    return out;
  },
};

function checkMime(value: unknown, pointer: string): Finding[] {
  if (typeof value !== 'string' || MIME.test(value.trim())) return [];
  return [{ code: 'resource/mime-type', message: `mimeType ${JSON.stringify(value)} is not a media type (type/subtype, optional ;name=value parameters).`, pointer }];
}
