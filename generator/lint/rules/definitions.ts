/**
 * Every tool, resource, resource template, prompt and the server info is
 * validated against the target revision's own definition in its schema.json
 * (read at run time, never copied). The object validated is the one that goes
 * on the wire: fields the revision lacks were already taken out and are
 * reported once, by the revision-fields rule. Tool schemas are left to the
 * tool-schema rule, which checks them more closely.
 * @see ../../../../shared/docs/mcp-revisions.md "Fields on the objects a manifest declares"
 */
import type { JsonObject } from '../../load/manifest-types.js';
import { ajvErrorsToFindings } from '../checks/ajv-errors.js';
import { definitionValidator } from '../checks/ajv-loader.js';
import { quickDefinitionValid } from '../checks/quick-checks.js';
import type { Finding, LintRule } from '../rule.js';
import { countWork } from '../../pipeline/work-counts.js';
import { ObjectMemo, runMemosKept } from '../../pipeline/run-memos.js';
import type { LoadedSpec } from '../../spec/load-spec.js';

/** Tool schemas: checked by the tool-schema rule. */
const OWNED_BY_TOOL_SCHEMA = /^\/(inputSchema|outputSchema)(\/|$)/;
/** URI formats: the resources and icons rules say more precisely what is wrong. */
const OWNED_FORMATS = /^\/(uri|uriTemplate|icons\/\d+\/src)$/;

export const definitionsRule: LintRule = {
  id: 'definitions',
  codes: {
    'definition/missing-field': {
      severity: 'error',
      title: 'Required field missing',
      cause: "The object lacks a field that the target revision's definition requires (for example a tool without `name`).",
      fix: 'Add the field named in the message.',
    },
    'definition/invalid': {
      severity: 'error',
      title: "Object does not match the revision's definition",
      cause: "A field has a value the target revision's official definition does not allow (wrong type, not in an enum...).",
      fix: 'Change the value as the message says; the definition is in the revision schema.json.',
    },
  },
  check({ ir, loaded, spec }) {
    const revision = spec.revision.id;
    const out: Finding[] = [];
    // `label` is a function: it is spelled only for an object that fails, or for the memo's key.
    const validate = (definition: string, value: JsonObject, base: string, label: () => string): void => {
      if (!runMemosKept()) {
        check(definition, value, base, label);
        return;
      }
      // The findings depend only on these: `generate --watch` checks again only the items an edit changed
      // (an unchanged item is the same object in the next run: pipeline/reuse-unchanged.ts).
      const known = previousFindings.get(value);
      if (known !== undefined && known.spec === spec && known.definition === definition && known.base === base && known.label === label()) {
        out.push(...known.findings);
        return;
      }
      const before = out.length;
      check(definition, value, base, label);
      previousFindings.set(value, { spec, definition, base, label: label(), findings: out.slice(before) });
    };
    const check = (definition: string, value: JsonObject, base: string, label: () => string): void => {
      countWork('definitions-checked');
      // Valid objects are confirmed without Ajv when the quick check is sure; Ajv reports the rest.
      if (quickDefinitionValid(spec.schema, spec.revision.definitionsKey, definition, value)) return;
      const validator = definitionValidator(spec, definition);
      if (!validator || validator(value)) return;
      const errors = (validator.errors ?? []).filter(
        (e) =>
          !(definition === 'Tool' && OWNED_BY_TOOL_SCHEMA.test(e.instancePath)) &&
          !(e.keyword === 'format' && OWNED_FORMATS.test(e.instancePath)),
      );
      out.push(
        ...ajvErrorsToFindings(errors, {
          base,
          missingCode: 'definition/missing-field',
          invalidCode: 'definition/invalid',
          subject: `${label()} (${definition}, revision ${revision})`,
        }),
      );
    };
    if (loaded.manifest.server) validate('Implementation', ir.server, '/server', () => 'Server info');
    if (ir.capabilities) validate('ServerCapabilities', ir.capabilities, '/capabilities', () => 'Server capabilities');
    ir.tools.forEach((t, i) => validate('Tool', t.wire, t.pointer, () => nameLabel('tools', i, t.name)));
    ir.resources.forEach((r, i) => validate('Resource', r.wire, r.pointer, () => nameLabel('resources', i, r.name)));
    ir.resourceTemplates.forEach((r, i) =>
      validate('ResourceTemplate', r.wire, r.pointer, () => nameLabel('resourceTemplates', i, r.name)),
    );
    ir.prompts.forEach((p, i) => validate('Prompt', p.wire, p.pointer, () => nameLabel('prompts', i, p.name)));
    return out;
  },
};

/** The findings of earlier checks in this process, by checked object, with the spec, definition and place they were made for. */
const previousFindings = new ObjectMemo<JsonObject, { spec: LoadedSpec; definition: string; base: string; label: string; findings: Finding[] }>();

function nameLabel(section: string, index: number, name: unknown): string {
  return typeof name === 'string' && name ? `${section}[${index}] "${name}"` : `${section}[${index}]`;
}
