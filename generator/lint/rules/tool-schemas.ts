/**
 * `inputSchema` and `outputSchema`: root `type: "object"`, valid for their
 * JSON Schema dialect (2020-12 by default from 2025-11-25, draft-07 before,
 * unless `$schema` says otherwise), local `$ref`s that resolve, `required`
 * names that exist, and the recommended shape for a tool without parameters.
 * @see ../../../../shared/docs/mcp-revisions.md "inputSchema / outputSchema"
 */
import { closestMatch } from '../../diagnostics/did-you-mean.js';
import { joinPointer } from '../../load/json-pointer.js';
import type { Dialect } from '../../spec/revisions.js';
import { sameValueCyclesOf } from '../checks/same-value-cycles.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';
import { ajvErrorsToFindings } from '../checks/ajv-errors.js';
import { metaSchemaAjv } from '../checks/ajv-loader.js';
import { quickMetaValid } from '../checks/quick-checks.js';
import { isRefLoop, resolveLocalRef } from '../checks/schema-refs.js';
import { childRole, Role, schemaIndex } from '../checks/schema-index.js';
import { isJsonObject, type SchemaObject, type SchemaPath } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';
import { countWork } from '../../pipeline/work-counts.js';

/** Siblings that can make a `required` name or an argument legal without `properties`. */
const OPEN_KEYWORDS = ['allOf', 'anyOf', 'oneOf', '$ref', '$dynamicRef', 'patternProperties', 'dependentSchemas', 'dependencies', 'if', 'unevaluatedProperties'];
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description']);

export const toolSchemasRule: LintRule = {
  id: 'tool-schemas',
  codes: {
    'tool-schema/root-not-object': {
      severity: 'error',
      title: 'Tool schema root is not `type: "object"`',
      cause: 'Tool arguments and structured results are JSON objects; every revision requires `type: "object"` at the root of inputSchema and outputSchema.',
      fix: 'Set `type: object` at the root and describe the arguments under `properties`.',
    },
    'tool-schema/invalid': {
      severity: 'error',
      title: 'Tool schema is not valid JSON Schema',
      cause: "The schema does not validate against its dialect's meta-schema (2020-12 by default from 2025-11-25, draft-07 before, or the dialect its `$schema` names).",
      fix: 'Correct the keyword named in the message.',
    },
    'tool-schema/unknown-dialect': {
      severity: 'warning',
      title: 'Unknown `$schema` dialect',
      cause: 'The schema names a dialect other than draft-07 or 2020-12; mcpgen cannot check it, and clients may not support it.',
      fix: 'Remove `$schema` (the revision default applies) or use draft-07 or 2020-12.',
    },
    'tool-schema/unresolved-ref': {
      severity: 'error',
      title: '`$ref` does not resolve',
      cause: 'A `$ref` inside the schema points to a location (or anchor) the schema does not have.',
      fix: 'Fix the pointer, or add the definition under `$defs`.',
    },
    'tool-schema/ref-loop': {
      severity: 'error',
      title: '`$ref` that loops back to the same value',
      cause:
        'Following the `$ref` comes back to where it started without moving into a part of the value: through schemas that are only `$ref`s (`a -> b -> a`), which describe no value, or through keywords that apply to the same value (`allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`), so validating recurses without end. Draft-07 ignores the keywords beside a `$ref`, so there `{ type: object, $ref: "#" }` loops too. No validator or type can be generated.',
      fix: 'Point the `$ref` at the definition you mean, give one schema on a `$ref`-only chain real content, or put the recursion under `properties` or `items` (a part of the value).',
    },
    'tool-schema/external-ref': {
      severity: 'warning',
      title: '`$ref` outside the schema',
      cause: 'A nested `$ref` names another document; the schema is sent to clients as one document, so they cannot resolve it. (A `$ref` at the root of inputSchema/outputSchema is resolved by mcpgen when loading.)',
      fix: 'Move the definition into `$defs` and refer to it as `#/$defs/Name`.',
    },
    'tool-schema/required-unknown': {
      severity: 'error',
      title: '`required` names a property that is not declared',
      cause: 'A name in `required` is not among the `properties` of the same schema, so no valid argument set can be described.',
      fix: 'Declare the property, or remove it from `required`.',
    },
    'tool-schema/no-parameters-shape': {
      severity: 'warning',
      title: 'Tool without parameters does not use the recommended schema',
      cause: 'For a tool without parameters the spec recommends exactly `{"type":"object","additionalProperties":false}`; other shapes accept any arguments.',
      fix: 'Use `inputSchema: { type: object, additionalProperties: false }`.',
    },
  },
  check({ loaded, ir, spec }) {
    const out: Finding[] = [];
    loaded.manifest.tools.forEach((tool, i) => {
      if (!isJsonObject(tool)) return;
      const keys: ('inputSchema' | 'outputSchema')[] = ['inputSchema'];
      if (tool.outputSchema !== undefined && ir.tools[i]?.outputSchema) keys.push('outputSchema');
      for (const key of keys) {
        const schema = tool[key];
        if (schema === undefined) continue; // missing inputSchema: definition/missing-field
        const pointer = joinPointer('/tools', i, key);
        // The findings depend only on these: `generate --watch` checks again only the schemas an edit changed
        // (an unchanged schema is the same object in the next run: pipeline/reuse-unchanged.ts).
        const dialect = spec.revision.dialect;
        const known = isJsonObject(schema) ? previousChecks.get(schema) : undefined;
        const findings = known !== undefined && known.pointer === pointer && known.dialect === dialect ? known.findings : checkToolSchema(schema, pointer, key, dialect);
        if (isJsonObject(schema) && known?.findings !== findings) previousChecks.set(schema, { pointer, dialect, findings });
        out.push(...findings);
        if (key === 'inputSchema' && isJsonObject(schema)) out.push(...checkNoParameters(schema, pointer));
      }
    });
    return out;
  },
};

const NO_CYCLES: ReadonlySet<SchemaObject> = new Set();

/** The findings of earlier checks in this process, by schema object, with the place (which names the key) and dialect they were made for. */
const previousChecks = new ObjectMemo<SchemaObject, { pointer: string; dialect: Dialect; findings: Finding[] }>();

function checkToolSchema(schema: unknown, pointer: string, key: string, defaultDialect: Dialect): Finding[] {
  countWork('tool-schemas-checked');
  if (!isJsonObject(schema)) {
    return [{ code: 'tool-schema/root-not-object', message: `${key} must be a JSON Schema object with type "object".`, pointer }];
  }
  const out: Finding[] = [];
  if (schema.type !== 'object') {
    out.push({
      code: 'tool-schema/root-not-object',
      message: `${key} must have type "object" at its root${schema.type === undefined ? '; it has no type' : `, not ${JSON.stringify(schema.type)}`}.`,
      pointer: schema.type === undefined ? pointer : joinPointer(pointer, 'type'),
    });
  }
  out.push(...checkDialect(schema, pointer, key, defaultDialect));
  // One pass collects what the checks below need (schema-index.ts); findings come in walk order as before.
  const index = schemaIndex(schema);
  const anchors = index.anchors;
  // Nearly always none: no set is made then.
  const cycleList = sameValueCyclesOf(schema, schemaDialect(schema, defaultDialect), index.localRefs, anchors);
  const cycles: ReadonlySet<SchemaObject> = cycleList.length ? new Set(cycleList.map((c) => c.node)) : NO_CYCLES;
  const at = (path: SchemaPath, ...more: (string | number)[]) => joinPointer(pointer, ...path, ...more);
  // Index loops here and below: this runs for every tool schema, mostly before V8 optimizes it, and a for...of
  // step or a callback there allocates (a large part of a large lint's garbage).
  for (let n = 0; n < index.notable.length; n++) {
    const { node, path } = index.notable[n]!;
    if (typeof node.$ref === 'string') {
      const status = resolveLocalRef(schema, node.$ref, anchors);
      if (status === 'ok' && isRefLoop(schema, node)) {
        out.push({ code: 'tool-schema/ref-loop', message: `$ref "${node.$ref}" leads into a loop of $refs without a schema in ${key}; it describes no value.`, pointer: at(path, '$ref') });
      } else if (status === 'ok' && cycles.has(node)) {
        out.push({
          code: 'tool-schema/ref-loop',
          message: `$ref "${node.$ref}" leads back to a schema that applies to the same value, without moving into a part of it; validating ${key} would never end.`,
          pointer: at(path, '$ref'),
        });
      } else if (status === 'missing') {
        out.push({ code: 'tool-schema/unresolved-ref', message: `$ref "${node.$ref}" does not resolve within ${key}.`, pointer: at(path, '$ref') });
      } else if (status === 'external') {
        out.push({ code: 'tool-schema/external-ref', message: `$ref "${node.$ref}" points outside ${key}; clients cannot resolve it.`, pointer: at(path, '$ref') });
      }
    }
    if (node.$schema !== undefined && typeof node.$schema !== 'string') {
      out.push({ code: 'tool-schema/invalid', message: `$schema must be a string (a dialect URI), not ${JSON.stringify(node.$schema)?.slice(0, 40)}.`, pointer: at(path, '$schema') });
    }
    checkRequired(node, path, at, out);
  }
  // Code generators resolve a $ref wherever it is written, also where JSON Schema has no subschema
  // (under a misspelt keyword, inside `default`): an unresolvable one must fail lint, not generate.
  if (index.localRefsOutside > 0) {
    for (const [node, path] of localRefsOutside(schema)) {
      if (resolveLocalRef(schema, node.$ref as string, anchors) === 'missing') {
        out.push({ code: 'tool-schema/unresolved-ref', message: `$ref "${node.$ref as string}" does not resolve within ${key}.`, pointer: at(path, '$ref') });
      }
    }
  }
  return out;
}

/**
 * Objects with a local `$ref` ("#...") outside the subschema positions
 * walkSchema visits, in the order a depth-first stack (children pushed in
 * order, so popped last first) finds them; depth-bounded, and no pointer is
 * built unless one is found. The role of each position follows walkSchema's
 * own rules, so "outside" means exactly the objects it does not visit.
 */
export function localRefsOutside(schema: SchemaObject): [SchemaObject, (string | number)[]][] {
  const found: [SchemaObject, (string | number)[]][] = [];
  const path: (string | number)[] = [];
  const visit = (value: unknown, role: Role, depth: number): void => {
    if (depth > 256 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        path.push(i);
        visit(item, role === Role.SchemaList && isJsonObject(item) ? Role.Schema : Role.Outside, depth + 1);
        path.pop();
      }
      return;
    }
    const node = value as SchemaObject;
    if (role !== Role.Schema && typeof node.$ref === 'string' && node.$ref.startsWith('#')) found.push([node, [...path]]);
    const keys = Object.keys(node);
    for (let j = keys.length - 1; j >= 0; j--) {
      const k = keys[j]!;
      const v = node[k];
      path.push(k);
      visit(v, childRole(role, k, v), depth + 1);
      path.pop();
    }
  };
  visit(schema, Role.Schema, 0);
  return found;
}

/** The dialect a tool schema's `$schema` names: undefined when it names none, 'unknown' when mcpgen cannot check it. */
function declaredDialect(schema: SchemaObject): Dialect | 'unknown' | undefined {
  const declared = schema.$schema;
  if (typeof declared !== 'string') return undefined;
  return /draft-07/.test(declared) ? 'draft-07' : /draft\/2020-12/.test(declared) ? '2020-12' : 'unknown';
}

/** The dialect a tool schema is read in: the one its `$schema` names, else the revision's. */
function schemaDialect(schema: SchemaObject, defaultDialect: Dialect): Dialect {
  const declared = declaredDialect(schema);
  return declared === undefined || declared === 'unknown' ? defaultDialect : declared;
}

function checkDialect(schema: SchemaObject, pointer: string, key: string, defaultDialect: Dialect): Finding[] {
  if (declaredDialect(schema) === 'unknown') {
    return [{ code: 'tool-schema/unknown-dialect', message: `${key} declares $schema "${String(schema.$schema)}", which mcpgen cannot check; use draft-07 or 2020-12.`, pointer: joinPointer(pointer, '$schema') }];
  }
  const dialect = schemaDialect(schema, defaultDialect);
  // The instance's own $schema would make Ajv pick the meta-schema by URI; the dialect is already chosen.
  // (A copy without it only when there is one: most schemas have none.)
  const body: SchemaObject = Object.hasOwn(schema, '$schema') ? (({ $schema: _ignored, ...rest }) => rest)(schema) : schema;
  // Nearly every schema is valid: say so without Ajv when the quick check is sure (quick-validate.ts).
  if (quickMetaValid(dialect, body)) return [];
  if (metaSchemaAjv(dialect, false).validateSchema(body)) return [];
  const ajv = metaSchemaAjv(dialect, true);
  ajv.validateSchema(body);
  return ajvErrorsToFindings(ajv.errors ?? [], {
    base: pointer,
    missingCode: 'tool-schema/invalid',
    invalidCode: 'tool-schema/invalid',
    subject: `${key} is not valid JSON Schema ${dialect}`,
  });
}

function checkRequired(node: SchemaObject, path: SchemaPath, at: (path: SchemaPath, ...more: (string | number)[]) => string, out: Finding[]): void {
  const required = node.required;
  if (!Array.isArray(required) || hasOpenKeyword(node)) return;
  const props = isJsonObject(node.properties) ? node.properties : undefined;
  if (!props && node.type !== 'object') return;
  for (let j = 0; j < required.length; j++) {
    const name: unknown = required[j];
    if (typeof name !== 'string' || (props && Object.hasOwn(props, name))) continue;
    out.push({
      code: 'tool-schema/required-unknown',
      message: `"${name}" is required but not declared under properties.`,
      pointer: at(path, 'required', j),
    });
  }
}

function hasOpenKeyword(node: SchemaObject): boolean {
  for (let i = 0; i < OPEN_KEYWORDS.length; i++) if (OPEN_KEYWORDS[i]! in node) return true;
  return false;
}

function checkNoParameters(schema: SchemaObject, pointer: string): Finding[] {
  if (schema.type !== 'object') return [];
  const props = schema.properties;
  if (isJsonObject(props) && Object.keys(props).length > 0) return [];
  if (props !== undefined && !isJsonObject(props)) return [];
  if (hasOpenKeyword(schema)) return [];
  // A misspelt `properties` (`propertes`) is reported as such; "takes no parameters" would not fit.
  if (Object.keys(schema).some((k) => k !== 'properties' && closestMatch(k, ['properties']))) return [];
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return [];
  const rest = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k));
  const exact = rest.length === 2 && schema.additionalProperties === false;
  if (exact) return [];
  return [
    {
      code: 'tool-schema/no-parameters-shape',
      message: 'This tool takes no parameters; the spec recommends exactly {"type":"object","additionalProperties":false}.',
      pointer,
    },
  ];
}
