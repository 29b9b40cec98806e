/**
 * The keywords of the JSON Schema dialects tool schemas use (draft-07 and
 * 2020-12), for "did you mean" on misspelt keywords (`requried`,
 * `propertes`). Written from the JSON Schema vocabularies' keyword names.
 */

const SHARED = [
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'format', 'items', 'maxItems', 'minItems', 'uniqueItems', 'contains',
  'maxProperties', 'minProperties', 'required', 'properties', 'patternProperties', 'additionalProperties',
  'propertyNames', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contentMediaType', 'contentEncoding',
];

export const SCHEMA_KEYWORDS: Record<'draft-07' | '2020-12', ReadonlySet<string>> = {
  'draft-07': new Set([...SHARED, 'definitions', 'dependencies', 'additionalItems']),
  '2020-12': new Set([
    ...SHARED, '$defs', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', 'prefixItems', 'maxContains',
    'minContains', 'dependentRequired', 'dependentSchemas', 'unevaluatedItems', 'unevaluatedProperties',
    'contentSchema', 'deprecated',
    // Still understood by 2020-12 validators and common in tool schemas.
    'definitions', 'dependencies',
  ]),
};
