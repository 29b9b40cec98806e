/**
 * A generated validator builds its error objects when `errors` is read, not
 * at each failing site (context.ts addError). Reading must still behave as
 * an Ajv validate function's property: the same array on every read until
 * the next call, edits kept (ajv-i18n and ajv-errors rewrite messages in
 * place), fresh objects per call, null after a valid call, and assignable.
 */
import { describe, expect, test } from 'vitest';
import { ajvCompiler, loadOwn } from '../../helpers/own-validators.js';

type Err = { instancePath: string; keyword: string; params: Record<string, unknown>; message: string; propertyName?: string };

const schema = {
  type: 'object',
  properties: {
    total: { type: 'integer', minimum: 0 },
    items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, uniqueItems: true },
    kind: { enum: ['a', 'b'] },
    tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } },
    pick: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
  },
  required: ['total'],
  additionalProperties: false,
};
const invalid = (): unknown => ({ total: -1, items: [{ id: 1 }, {}, {}], kind: 'c', tags: { ABCD: 1 }, pick: 2, extra: true });

describe('errors built when read', () => {
  test('the same errors as Ajv, the run-time parts (keys, indices, passing schemas) taken at the failing call', async () => {
    const { check } = loadOwn({ check: schema }, '2020-12');
    const ajv = (await ajvCompiler('2020-12'))(schema);
    expect(check!(invalid())).toBe(false);
    expect(ajv(invalid())).toBe(false);
    expect(check!.errors).toEqual(ajv.errors);
    const keywords = (check!.errors as Err[]).map((e) => e.keyword);
    for (const k of ['minimum', 'type', 'required', 'uniqueItems', 'enum', 'pattern', 'maxLength', 'propertyNames', 'oneOf', 'additionalProperties']) expect(keywords).toContain(k);
    expect((check!.errors as Err[]).find((e) => e.keyword === 'pattern')!.propertyName).toBe('ABCD');
  });

  test('one array per call: the same on every read, edits kept, fresh objects after the next call', () => {
    const { check } = loadOwn({ check: schema }, '2020-12');
    check!(invalid());
    const first = check!.errors as Err[];
    expect(check!.errors).toBe(first);
    // An error whose params are known at compile time (its site's), and one with run-time params.
    const at = (list: Err[], keyword: string): Err => list.find((e) => e.keyword === keyword)!;
    for (const keyword of ['minimum', 'additionalProperties']) {
      at(first, keyword).message = 'localised';
      at(first, keyword).params.extra = 1;
    }
    expect(at(check!.errors as Err[], 'minimum').message).toBe('localised');
    check!(invalid());
    const second = check!.errors as Err[];
    expect(second).not.toBe(first);
    for (const keyword of ['minimum', 'additionalProperties']) {
      expect(at(second, keyword).message).not.toBe('localised');
      expect(at(second, keyword).params).not.toHaveProperty('extra');
      expect(at(second, keyword).params).not.toBe(at(first, keyword).params);
    }
  });

  test('null after a valid call, and before any; assignable like a data property', () => {
    const { check } = loadOwn({ check: schema }, '2020-12');
    expect(check!.errors).toBeNull();
    check!(invalid());
    expect(check!({ total: 1 })).toBe(true);
    expect(check!.errors).toBeNull();
    check!(invalid());
    check!.errors = null;
    expect(check!.errors).toBeNull();
    const replaced = [{ message: 'mine' }];
    check!.errors = replaced;
    expect(check!.errors).toBe(replaced);
    check!.errors = undefined;
    expect(check!.errors).toBeUndefined();
    expect(Object.keys(check!)).toContain('errors');
  });

  test('errors from a recursive definition ($ref functions return their entries) read as Ajv\'s', async () => {
    const tree = { $defs: { node: { type: 'object', properties: { v: { type: 'integer' }, kids: { type: 'array', items: { $ref: '#/$defs/node' } } }, additionalProperties: false } }, $ref: '#/$defs/node' };
    const { check } = loadOwn({ check: tree }, '2020-12');
    const ajv = (await ajvCompiler('2020-12'))(tree);
    const data = (): unknown => ({ v: 1, kids: [{ v: 'x', kids: [{ v: 2.5, no: 1 }] }] });
    expect(check!(data())).toBe(ajv(data()));
    expect(check!.errors).toEqual(ajv.errors);
    expect((check!.errors as Err[]).map((e) => e.instancePath)).toEqual(['/kids/0/v', '/kids/0/kids/0', '/kids/0/kids/0/v']);
  });
});
