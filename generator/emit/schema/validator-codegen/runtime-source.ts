/**
 * Helpers the generated validator modules share, as JavaScript source,
 * emitted once per module and only when used: error list bookkeeping, string
 * length in code points, and deep equality with the semantics of the
 * equality Ajv uses (fast-deep-equal: same constructor, own keys, NaN equals
 * NaN), written for mcpgen.
 */
import { RUNTIME_HELPERS } from '../validator-runtime.js';

const codePointSource = RUNTIME_HELPERS.find((h) => h.name === 'mcpgenCodePointLength')!.source.replace(/mcpgenCodePointLength/g, 'mvCodePoints');

export const HELPER_SOURCES = {
  codePoints: { name: 'mvCodePoints', source: codePointSource },
  equal: {
    name: 'mvEqual',
    source: `function mvEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == "object" && typeof b == "object") {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = a.length; i-- !== 0; ) if (!mvEqual(a[i], b[i])) return false;
      return true;
    }
    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    for (const key of keys) if (!mvEqual(a[key], b[key])) return false;
    return true;
  }
  // NaN equals NaN
  return a !== a && b !== b;
}`,
  },
} as const;

/** Always present: errors are allocated only when the first one occurs. */
export const BASE_SOURCE = `const mvHasOwn = Object.prototype.hasOwnProperty;

// Ajv's English message for an error, from its keyword and params.
function mvMessage(keyword, params) {
  switch (keyword) {
    case "type":
      return "must be " + params.type;
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum":
      return "must be " + params.comparison + " " + params.limit;
    case "multipleOf":
      return "must be multiple of " + params.multipleOf;
    case "maxLength":
      return "must NOT have more than " + params.limit + " characters";
    case "minLength":
      return "must NOT have fewer than " + params.limit + " characters";
    case "maxItems":
    case "items":
    case "additionalItems":
      return "must NOT have more than " + params.limit + " items";
    case "minItems":
      return "must NOT have fewer than " + params.limit + " items";
    case "maxProperties":
      return "must NOT have more than " + params.limit + " properties";
    case "minProperties":
      return "must NOT have fewer than " + params.limit + " properties";
    case "pattern":
      return 'must match pattern "' + params.pattern + '"';
    case "format":
      return 'must match format "' + params.format + '"';
    case "required":
      return "must have required property '" + params.missingProperty + "'";
    case "additionalProperties":
      return "must NOT have additional properties";
    case "propertyNames":
      return "property name must be valid";
    case "uniqueItems":
      return "must NOT have duplicate items (items ## " + params.j + " and " + params.i + " are identical)";
    case "contains":
      return "must contain at least " + params.minContains + " valid item(s)";
    case "const":
      return "must be equal to constant";
    case "enum":
      return "must be equal to one of the allowed values";
    case "not":
      return "must NOT be valid";
    case "anyOf":
      return "must match a schema in anyOf";
    case "oneOf":
      return "must match exactly one schema in oneOf";
    default:
      return "boolean schema is false";
  }
}

// Appends an error; the list is allocated only when the first error occurs.
// The keyword is the schemaPath's last segment.
function mvFail(list, instancePath, schemaPath, params, propertyName) {
  const keyword = schemaPath.slice(schemaPath.lastIndexOf("/") + 1);
  const message = mvMessage(keyword, params);
  const error =
    propertyName === undefined
      ? { instancePath, schemaPath, keyword, params, message }
      : { instancePath, schemaPath, keyword, params, message, propertyName };
  if (list === null) return [error];
  list.push(error);
  return list;
}

function mvCount(list) {
  return list === null ? 0 : list.length;
}

function mvResetErrors(list, count) {
  if (list === null || count === 0) return null;
  list.length = count;
  return list;
}`;
