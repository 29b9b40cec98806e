/**
 * A manifest written for one revision and generated for another loses the
 * fields the target lacks: say which, per object, never drop one silently.
 * The set of fields comes from the target revision's own definition.
 * @see ../../../shared/docs/mcp-revisions.md "Fields on the objects a manifest declares"
 */
import { compareRevisions, listRevisions } from '../../spec/revisions.js';
import { definitionFields } from '../../ir/revision-adapter.js';
import type { Finding, LintRule } from '../rule.js';

export const revisionFieldsRule: LintRule = {
  id: 'revision-fields',
  codes: {
    'revision/field-unsupported': {
      severity: 'warning',
      title: 'Field not in the target revision',
      cause: "The object has a field that the target revision's definition lacks; it is left out of the generated code.",
      fix: 'Target a revision that has the field (--revision), or remove it from the manifest.',
    },
  },
  check({ ir, spec, otherSpec }) {
    return ir.dropped.flatMap((d): Finding[] => {
      const target = spec.revision.id;
      const others = listRevisions().filter((r) => r.id !== target && r.status === 'final');
      const having = others.filter((r) => otherSpec(r.id) && definitionFields(otherSpec(r.id)!, d.definition)?.has(d.field));
      const newer = having.filter((r) => compareRevisions(r.id, target) > 0);
      const older = having.filter((r) => compareRevisions(r.id, target) < 0);
      let when = '';
      if (newer.length && !older.length) when = ` It was added in ${newer[0]!.id}.`;
      else if (older.length && !newer.length) when = ` It was removed after ${older[older.length - 1]!.id}.`;
      // A field no revision defines is a typo or unknown key: the unknown-keys rule reports it, with a suggestion.
      else if (!having.length && others.every((r) => otherSpec(r.id))) return [];
      else if (!having.length) when = ' No known revision defines it.';
      return [{
        code: 'revision/field-unsupported',
        message: `${d.definition} has no "${d.field}" in revision ${target}; it is left out.${when}`,
        pointer: d.pointer,
        atKey: true,
      }];
    });
  },
};
