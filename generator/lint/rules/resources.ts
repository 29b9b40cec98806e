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
        const first = uris.get(r.uri);
        if (first !== undefined) out.push({ code: 'resource/duplicate-uri', message: `Resource uri ${JSON.stringify(r.uri)} is already used by resources[${first}].`, pointer: at });
        else uris.set(r.uri, i);
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
