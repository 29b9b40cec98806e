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
import { jsonOf, NamedJsonMemo, runMemosKept } from '../../pipeline/run-memos.js';

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
      // The findings depend only on these: `generate --watch` checks again only the items an edit changed.
      let json: string | undefined;
      try {
        json = jsonOf(value);
      } catch {
        json = undefined; // a value JSON cannot spell (a cycle): checked without the memo
      }
      const key = `${spec.sha256}\0${revision}\0${definition}\0${base}\0${label()}`;
      const known = json === undefined ? undefined : previousFindings.get(key, json);
      if (known) {
        previousFindings.set(key, json!, known);
        out.push(...known);
        return;
      }
      const before = out.length;
      check(definition, value, base, label);
      if (json !== undefined) previousFindings.set(key, json, out.slice(before));
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
    previousFindings.turn();
    return out;
  },
};

/** The findings of the previous check in this process, by spec, definition, place and value; turned on each check. */
const previousFindings = new NamedJsonMemo<Finding[]>();

function nameLabel(section: string, index: number, name: unknown): string {
  return typeof name === 'string' && name ? `${section}[${index}] "${name}"` : `${section}[${index}]`;
}
