/**
 * `const`, `enum` and the number and string keywords, with Ajv's exact tests
 * (`|| isNaN` on limits, `parseInt` for multipleOf, length in code points)
 * and messages.
 */
import { addError, type Ctx, type Obj } from './context.js';
import { jsLiteral, numberLiteral } from './literals.js';

const LIMITS: Record<string, { ok: string; fail: string }> = {
  maximum: { ok: '<=', fail: '>' },
  minimum: { ok: '>=', fail: '<' },
  exclusiveMaximum: { ok: '<', fail: '>=' },
  exclusiveMinimum: { ok: '>', fail: '<=' },
};

const isComposite = (v: unknown): boolean => typeof v === 'object' && v !== null;

export function emitConst(cx: Ctx, value: unknown): void {
  const literal = isComposite(value) ? cx.scope.constant('mvConst', jsLiteral(value)) : jsLiteral(value);
  const invalid = isComposite(value) ? `!${cx.scope.helper('equal')}(${cx.data}, ${literal})` : `${literal} !== ${cx.data}`;
  cx.w.block(`if (${invalid})`, () =>
    addError(cx, 'const', `${cx.schemaPath}/const`, `{ allowedValue: ${literal} }`, '"must be equal to constant"'),
  );
}

export function emitEnum(cx: Ctx, values: unknown[]): void {
  const list = cx.scope.constant('mvEnum', jsLiteral(values));
  const equal = values.map((v, i) => (isComposite(v) ? `${cx.scope.helper('equal')}(${cx.data}, ${list}[${i}])` : `${cx.data} === ${jsLiteral(v)}`));
  cx.w.block(`if (!(${equal.join(' || ')}))`, () =>
    addError(cx, 'enum', `${cx.schemaPath}/enum`, `{ allowedValues: ${list} }`, '"must be equal to one of the allowed values"'),
  );
}

export function emitNumberKeyword(cx: Ctx, keyword: string, schema: Obj): void {
  const value = schema[keyword] as number;
  const n = numberLiteral(value);
  const d = cx.data;
  const limit = LIMITS[keyword];
  if (limit) {
    cx.w.block(`if (${d} ${limit.fail} ${n} || isNaN(${d}))`, () =>
      addError(cx, keyword, `${cx.schemaPath}/${keyword}`, `{ comparison: ${jsLiteral(limit.ok)}, limit: ${n} }`, jsLiteral(`must be ${limit.ok} ${n}`)),
    );
  } else if (keyword === 'multipleOf') {
    cx.w.block(`if (${d} / ${n} !== parseInt(${d} / ${n}))`, () =>
      addError(cx, keyword, `${cx.schemaPath}/multipleOf`, `{ multipleOf: ${n} }`, jsLiteral(`must be multiple of ${n}`)),
    );
  } else if (keyword === 'format') emitFormat(cx, schema.format as string, 'number');
}

export function emitStringKeyword(cx: Ctx, keyword: string, schema: Obj): void {
  const d = cx.data;
  if (keyword === 'maxLength' || keyword === 'minLength') {
    const n = numberLiteral(schema[keyword] as number);
    const max = keyword === 'maxLength';
    // A string has at least half as many code points as UTF-16 units, never more.
    const count = `${cx.scope.helper('codePoints')}(${d})`;
    const test = max ? `${d}.length > ${n} && ${count} > ${n}` : `${d}.length < ${numberLiteral(2 * (schema[keyword] as number))} && ${count} < ${n}`;
    cx.w.block(`if (${test})`, () =>
      addError(cx, keyword, `${cx.schemaPath}/${keyword}`, `{ limit: ${n} }`, jsLiteral(`must NOT have ${max ? 'more' : 'fewer'} than ${n} characters`)),
    );
  } else if (keyword === 'pattern') {
    const source = schema.pattern as string;
    cx.w.block(`if (!${cx.scope.patternTest(source, d)})`, () =>
      addError(cx, 'pattern', `${cx.schemaPath}/pattern`, `{ pattern: ${jsLiteral(source)} }`, jsLiteral(`must match pattern "${source}"`)),
    );
  } else if (keyword === 'format') emitFormat(cx, schema.format as string, 'string');
}

/** ajv-formats' check, applied only in the group of the format's own type; unknown formats are ignored, as Ajv does without strict mode. */
function emitFormat(cx: Ctx, name: string, group: 'string' | 'number'): void {
  const check = cx.scope.format(name);
  if (!check || check.type !== group) return;
  cx.w.block(`if (!${check.test(cx.data)})`, () =>
    addError(cx, 'format', `${cx.schemaPath}/format`, `{ format: ${jsLiteral(name)} }`, jsLiteral(`must match format "${name}"`)),
  );
}
