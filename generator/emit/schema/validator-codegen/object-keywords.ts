/**
 * Object keywords: defaults, size limits, `required`, `propertyNames`,
 * `additionalProperties`, `properties`, `patternProperties`. Presence means
 * an own property (Ajv's ownProperties), so `constructor` or `__proto__` are
 * only present when the data has them itself; keys are enumerated as
 * `Object.keys` lists them, for the same reason (ownKeys below).
 */
import { addError, childPath, type Ctx, keyPath, type Obj, sub } from './context.js';
import { alwaysValid } from './keywords.js';
import { escapeFragment, jsLiteral, member, numberLiteral } from './literals.js';

const names = (map: unknown): string[] => (map && typeof map === 'object' ? Object.keys(map).filter((k) => k !== '__proto__') : []);
/**
 * Ajv's presence test under ownProperties: a defined value, held by the data
 * itself. The own-property call is skipped when the data's prototype is
 * Object.prototype and that has no property of the name (`in` runs no
 * getter; Object.prototype's own prototype is always null): a lookup that
 * found a value must then have found it on the data. V8 folds that test to a
 * map check, where `hasOwnProperty` is a call per property (together the
 * largest cost in a valid call's profile). Proxies answer through their
 * traps, as they do for Ajv's `hasOwnProperty`; only a proxy whose `get`
 * invents properties its other traps deny could tell the two apart.
 */
const present = (d: string, name: string): string => {
  const key = jsLiteral(name);
  return `${member(d, name)} !== undefined && (mvGetProto(${d}) === mvObjectProto && !(${key} in mvObjectProto) || mvHasOwn.call(${d}, ${key}))`;
};

/**
 * A loop over the data's own enumerable keys, in `Object.keys` order. Where
 * nothing can write into the data during the loop, a `for...in` with an
 * own-property test visits the same keys in the same order without
 * allocating the key array (the largest line of an invalid call's profile).
 * Where the body may write defaults (possibly into this same object, reached
 * again through a property), the keys are taken up front as Ajv takes them.
 * `skip` is a test of keys the body ignores (those the schema names); it
 * runs before the own-property test, so a named key (every key of a valid
 * object) costs no `hasOwnProperty` call: ~5% of the bench's valid call
 * (issue 17). Both tests are free of side effects, so the order changes no
 * verdict.
 */
function ownKeys(cx: Ctx, key: string, bodyMayWrite: boolean, body: () => void, skip?: string): void {
  const { w, data: d } = cx;
  if (bodyMayWrite) {
    w.block(`for (const ${key} of Object.keys(${d}))`, () => (skip ? w.block(`if (!(${skip}))`, body) : body()));
    return;
  }
  w.block(`for (const ${key} in ${d})`, () => {
    w.line(`if (${skip ? `(${skip}) || ` : ''}!mvHasOwn.call(${d}, ${key})) continue;`);
    body();
  });
}

/** Ajv's useDefaults: fill each absent `properties` entry with a fresh copy of its default, outside composite keywords. */
export function emitDefaults(cx: Ctx, schema: Obj): void {
  if (!cx.scope.useDefaults || cx.composite || !schema.properties || typeof schema.properties !== 'object') return;
  for (const [name, sub] of Object.entries(schema.properties as Obj)) {
    const value = typeof sub === 'object' && sub !== null ? (sub as Obj).default : undefined;
    if (value === undefined) continue;
    cx.w.block(`if (${member(cx.data, name)} === undefined)`, () => cx.w.line(`${member(cx.data, name)} = ${jsLiteral(value)};`));
  }
}

/**
 * Presence tests `required` and `properties` share: one own-property test
 * per property both name (the profile of an invalid call showed these
 * `hasOwnProperty` calls as its largest cost). Only where no default can be
 * written during the call, since a default written by a subschema between the
 * two keywords (through an object that refers to itself) would change the
 * answer. Declared before the object keywords; returns variable by name.
 */
export function emitSharedPresence(cx: Ctx, schema: Obj): Map<string, string> {
  const shared = new Map<string, string>();
  if (cx.scope.writesDefaults || !Array.isArray(schema.required)) return shared;
  const props = names(schema.properties);
  for (const name of schema.required as string[]) {
    if (!props.includes(name) || alwaysValid((schema.properties as Obj)[name], cx.scope.dialect)) continue;
    const has = cx.w.name('has');
    cx.w.line(`const ${has} = ${present(cx.data, name)};`);
    shared.set(name, has);
  }
  return shared;
}

export function emitObjectKeyword(cx: Ctx, keyword: string, schema: Obj, shared: Map<string, string>): void {
  const { w, data: d } = cx;
  const value = schema[keyword];
  const sp = `${cx.schemaPath}/${keyword}`;
  switch (keyword) {
    case 'maxProperties':
    case 'minProperties': {
      const n = numberLiteral(value as number);
      const max = keyword === 'maxProperties';
      w.block(`if (Object.keys(${d}).length ${max ? '>' : '<'} ${n})`, () =>
        addError(cx, keyword, sp, `{ limit: ${n} }`, jsLiteral(`must NOT have ${max ? 'more' : 'fewer'} than ${n} properties`)),
      );
      return;
    }
    case 'required':
      for (const name of value as string[]) {
        const has = shared.get(name);
        w.block(`if (!${has ?? `(${present(d, name)})`})`, () =>
          addError(cx, 'required', sp, `{ missingProperty: ${jsLiteral(name)} }`, jsLiteral(`must have required property '${name}'`)),
        );
      }
      return;
    case 'propertyNames': {
      if (alwaysValid(value, cx.scope.dialect)) return;
      // A composite keyword: its subschema writes no defaults.
      const key = w.name('key');
      ownKeys(cx, key, false, () => {
        const count = w.name('e');
        w.line(`const ${count} = mvCount(vErrors);`);
        sub(cx, value, { data: key, propertyName: key, composite: true, schemaPath: sp });
        w.block(`if (mvCount(vErrors) !== ${count})`, () =>
          addError(cx, 'propertyNames', sp, `{ propertyName: ${key} }`, '"property name must be valid"', 'params'),
        );
      });
      return;
    }
    case 'additionalProperties':
      return emitAdditional(cx, schema, sp);
    case 'properties':
      for (const name of names(value)) {
        const propSchema = (value as Obj)[name];
        if (alwaysValid(propSchema, cx.scope.dialect)) continue;
        const hasDefault = cx.scope.useDefaults && !cx.composite && (propSchema as Obj).default !== undefined;
        // With a default, Ajv validates the value without a presence test (it was just filled in).
        w.block(hasDefault ? '' : `if (${shared.get(name) ?? present(d, name)})`, () => {
          const child = w.name('data');
          w.line(`const ${child} = ${member(d, name)};`);
          sub(cx, propSchema, { data: child, ...childPath(cx, name), schemaPath: `${sp}/${escapeFragment(name)}` });
        });
      }
      return;
    case 'patternProperties':
      for (const pattern of names(value)) {
        const patSchema = (value as Obj)[pattern];
        if (alwaysValid(patSchema, cx.scope.dialect)) continue;
        const key = w.name('key');
        ownKeys(cx, key, cx.scope.writesDefaults, () =>
          w.block(`if (${cx.scope.patternTest(pattern, key)})`, () => {
            const child = w.name('data');
            w.line(`const ${child} = ${d}[${key}];`);
            sub(cx, patSchema, { data: child, ...keyPath(cx, key), schemaPath: `${sp}/${escapeFragment(pattern)}` });
          }),
        );
      }
      return;
  }
}

function emitAdditional(cx: Ctx, schema: Obj, sp: string): void {
  const { w, data: d } = cx;
  const extra = schema.additionalProperties;
  if (alwaysValid(extra, cx.scope.dialect)) return;
  const key = w.name('key');
  const known = [
    ...names(schema.properties).map((p) => `${key} === ${jsLiteral(p)}`),
    ...names(schema.patternProperties).map((p) => cx.scope.patternTest(p, key)),
  ];
  const body = (): void => {
    if (extra === false) {
      addError(cx, 'additionalProperties', sp, `{ additionalProperty: ${key} }`, '"must NOT have additional properties"', 'params');
      return;
    }
    const child = w.name('data');
    w.line(`const ${child} = ${d}[${key}];`);
    sub(cx, extra, { data: child, ...keyPath(cx, key), schemaPath: sp });
  };
  ownKeys(cx, key, extra !== false && cx.scope.writesDefaults, body, known.length ? known.join(' || ') : undefined);
}

