/**
 * Helpers the generated validator modules share, as JavaScript source,
 * emitted once per module and only when used: error list bookkeeping, string
 * length in code points, and deep equality with the semantics of the
 * equality Ajv uses (fast-deep-equal: same constructor, own keys, NaN equals
 * NaN), written for mcpgen.
 */
import { RUNTIME_HELPERS } from '../validator-runtime.js';
import { FORMAT_SCANNERS } from './format-scanners.js';

const codePointSource = RUNTIME_HELPERS.find((h) => h.name === 'mcpgenCodePointLength')!.source.replace(/mcpgenCodePointLength/g, 'mvCodePoints');

export const HELPER_SOURCES = {
  ...FORMAT_SCANNERS,
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

/** Always present: error-list bookkeeping for anyOf/oneOf/not/contains/propertyNames (errors are pushed at their sites, context.ts), and the exported validators' `errors`, built from the list when read. */
export const BASE_SOURCE = `const mvHasOwn = Object.prototype.hasOwnProperty;
const mvGetProto = Object.getPrototypeOf;
const mvObjectProto = Object.prototype;

function mvCount(list) {
  return list === null ? 0 : list.length;
}

function mvResetErrors(list, count) {
  if (list === null || count === 0) return null;
  list.length = count;
  return list;
}

function mvErrorObjects(list, sites) {
  if (list === null) return null;
  const errors = [];
  for (let i = 0; i < list.length; i += 3) {
    const site = sites[list[i]];
    const late = list[i + 2] ?? {};
    const error = { instancePath: list[i + 1], schemaPath: site.schemaPath, keyword: site.keyword, params: late.params ?? { ...site.params }, message: late.message ?? site.message };
    if (late.propertyName !== undefined) error.propertyName = late.propertyName;
    errors.push(error);
  }
  return errors;
}

function mvLazyErrors(validate, state, sites) {
  Object.defineProperty(validate, "errors", {
    get() {
      if (!state.built) {
        state.errors = mvErrorObjects(state.list, sites);
        state.built = true;
      }
      return state.errors;
    },
    set(value) {
      state.errors = value;
      state.built = true;
    },
    enumerable: true,
    configurable: true,
  });
}`;
