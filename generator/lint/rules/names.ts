/**
 * Names of tools, prompts and prompt arguments: length, characters,
 * uniqueness, case collisions, and (strict profile) what widespread clients
 * accept. The released spec text gives this guidance for tool names from
 * 2025-11-25; elsewhere the same checks run as advice.
 * @see ../../../../shared/docs/mcp-revisions.md "Tool names" (SEP-986)
 */
import { joinPointer } from '../../load/json-pointer.js';
import { compareRevisions } from '../../spec/revisions.js';
import { checkNames, nameCodes } from '../checks/name-checks.js';
import type { Finding, LintRule } from '../rule.js';

/** The first revision whose spec text has tool-name guidance. */
export const NAMING_GUIDANCE_SINCE = '2025-11-25';

export const namesRule: LintRule = {
  id: 'names',
  codes: {
    ...nameCodes('tool-name', 'Tool name', 'a server'),
    ...nameCodes('prompt-name', 'Prompt name', 'a server'),
    ...nameCodes('prompt-argument', 'Prompt argument name', 'a prompt'),
  },
  check({ loaded, spec, profile }) {
    const m = loaded.manifest;
    const revision = spec.revision.id;
    const toolAdvice =
      compareRevisions(revision, NAMING_GUIDANCE_SINCE) < 0 ? `revision ${revision} gives no naming guidance` : undefined;
    const promptAdvice = 'the spec gives naming guidance for tool names only';
    const out: Finding[] = [];
    out.push(
      ...checkNames(
        m.tools.map((t, i) => ({ name: t.name, pointer: joinPointer('/tools', i, 'name'), label: `tools[${i}]` })),
        { area: 'tool-name', subject: 'Tool name', adviceOnly: toolAdvice, profile },
      ),
    );
    out.push(
      ...checkNames(
        m.prompts.map((p, i) => ({ name: p.name, pointer: joinPointer('/prompts', i, 'name'), label: `prompts[${i}]` })),
        { area: 'prompt-name', subject: 'Prompt name', adviceOnly: promptAdvice, profile },
      ),
    );
    m.prompts.forEach((p, i) => {
      if (!Array.isArray(p.arguments)) return;
      const args = p.arguments.map((a, j) => ({
        name: a && typeof a === 'object' ? a.name : undefined,
        pointer: joinPointer('/prompts', i, 'arguments', j, 'name'),
        label: `prompts[${i}].arguments[${j}]`,
      }));
      out.push(...checkNames(args, { area: 'prompt-argument', subject: 'Prompt argument name', adviceOnly: promptAdvice, profile }));
    });
    return out;
  },
};
