/**
 * Names, titles and descriptions are read by people and models: a tool
 * without a description is hard to use well, and control characters (or
 * bidirectional overrides) can hide text from reviewers ("Trojan Source").
 * @see https://trojansource.codes/ (CVE-2021-42574)
 */
import { joinPointer } from '../../load/json-pointer.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
// Descriptions may span lines and use tabs.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NAME_FIELDS = ['name', 'title'];
const TEXT_FIELDS = ['description'];

export const textRule: LintRule = {
  id: 'text',
  codes: {
    'text/missing-description': { severity: 'warning', title: 'Tool without a description', cause: 'Models choose and call tools from their descriptions; without one the tool is easily misused or ignored.', fix: 'Add a `description` saying what the tool does and when to use it.' },
    'text/control-character': { severity: 'error', title: 'Control character in a name or description', cause: 'Control characters, zero-width characters and bidirectional overrides can hide or reorder text that people review and models read.', fix: 'Remove the character (the message names it and its position).' },
  },
  check({ loaded }) {
    const m = loaded.manifest;
    const out: Finding[] = [];
    const scan = (obj: unknown, pointer: string): void => {
      if (!isJsonObject(obj)) return;
      for (const field of [...NAME_FIELDS, ...TEXT_FIELDS]) {
        const value = obj[field];
        if (typeof value !== 'string') continue;
        const match = (NAME_FIELDS.includes(field) ? CONTROL_IN_NAME : CONTROL_IN_TEXT).exec(value);
        if (match) {
          const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
          out.push({ code: 'text/control-character', message: `${field} contains control character ${code} at position ${match.index + 1}.`, pointer: joinPointer(pointer, field) });
        }
      }
    };
    scan(m.server, '/server');
    m.tools.forEach((t, i) => {
      const at = joinPointer('/tools', i);
      scan(t, at);
      if (isJsonObject(t) && (typeof t.description !== 'string' || t.description.trim() === '')) {
        const label = typeof t.name === 'string' ? `Tool "${t.name}"` : `tools[${i}]`;
        out.push({ code: 'text/missing-description', message: `${label} has no description.`, pointer: t.description === undefined ? at : joinPointer(at, 'description') });
      }
    });
    m.resources.forEach((r, i) => scan(r, joinPointer('/resources', i)));
    m.resourceTemplates.forEach((r, i) => scan(r, joinPointer('/resourceTemplates', i)));
    m.prompts.forEach((p, i) => {
      scan(p, joinPointer('/prompts', i));
      if (isJsonObject(p) && Array.isArray(p.arguments)) p.arguments.forEach((a, j) => scan(a, joinPointer('/prompts', i, 'arguments', j)));
    });
    return out;
  },
};
