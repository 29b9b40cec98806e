/**
 * `renamedFrom` on a tool (mcpgen's own key, never sent): the tool's previous
 * name, which `migrate --package` uses to move its handler and `diff` to
 * match it. A wrong value would be ignored silently, so it is checked here.
 */
import type { Finding, LintRule } from '../rule.js';

export const renamedFromRule: LintRule = {
  id: 'renamed-from',
  codes: {
    'renamed-from/invalid': {
      severity: 'error',
      title: 'renamedFrom is not a usable name',
      cause: "A tool's `renamedFrom` must be a non-empty string different from the tool's own name.",
      fix: 'Set it to the name the tool had before, or remove it.',
    },
    'renamed-from/still-declared': {
      severity: 'warning',
      title: 'renamedFrom names a tool that still exists',
      cause: "A tool's `renamedFrom` names another tool of the same manifest, so the rename cannot be matched.",
      fix: 'Remove the old tool, or correct renamedFrom.',
    },
  },
  check({ loaded }) {
    const findings: Finding[] = [];
    const names = new Set(loaded.manifest.tools.map((t) => t.name));
    loaded.manifest.tools.forEach((t, i) => {
      if (!('renamedFrom' in t)) return;
      const pointer = `/tools/${i}/renamedFrom`;
      const from: unknown = t.renamedFrom;
      if (typeof from !== 'string' || from === '' || from === t.name) {
        findings.push({ code: 'renamed-from/invalid', message: `Tool "${t.name}": renamedFrom must be the tool's previous name (a non-empty string other than its own name).`, pointer });
      } else if (names.has(from)) {
        findings.push({ code: 'renamed-from/still-declared', message: `Tool "${t.name}": renamedFrom "${from}" is still declared as a tool.`, pointer });
      }
    });
    return findings;
  },
};
