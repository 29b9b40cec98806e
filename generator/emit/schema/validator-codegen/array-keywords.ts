/**
 * Array keywords: size limits, tuples (draft-07 `items` array with
 * `additionalItems`, 2020-12 `prefixItems` with `items`), `items`,
 * `contains` (at least one match) and `uniqueItems`, which reports the same
 * pair of indices as Ajv by scanning in the same order.
 */
import { addError, childPath, type Ctx, indexPath, isAnyType, type Obj, resetErrors, sub } from './context.js';
import { alwaysValid, schemaTypes } from './keywords.js';
import { jsLiteral, numberLiteral } from './literals.js';


export function emitArrayKeyword(cx: Ctx, keyword: string, schema: Obj): void {
  const { w, data: d } = cx;
  const value = schema[keyword];
  const sp = `${cx.schemaPath}/${keyword}`;
  const dialect = cx.scope.dialect;
  switch (keyword) {
    case 'maxItems':
    case 'minItems': {
      const n = numberLiteral(value as number);
      const max = keyword === 'maxItems';
      w.block(`if (${d}.length ${max ? '>' : '<'} ${n})`, () =>
        addError(cx, keyword, sp, `{ limit: ${n} }`, jsLiteral(`must NOT have ${max ? 'more' : 'fewer'} than ${n} items`)),
      );
      return;
    }
    case 'additionalItems':
      if (Array.isArray(schema.items)) emitExtraItems(cx, 'additionalItems', value, schema.items.length);
      return;
    case 'prefixItems':
      return emitTuple(cx, 'prefixItems', value as unknown[]);
    case 'items':
      if (Array.isArray(value)) return emitTuple(cx, 'items', value);
      if (alwaysValid(value, dialect)) return;
      if (dialect === '2020-12' && Array.isArray(schema.prefixItems)) return emitExtraItems(cx, 'items', value, schema.prefixItems.length);
      return eachItem(cx, '0', (i, child) => sub(cx, value, { data: child, ...indexPath(cx, i), schemaPath: sp }));
    case 'contains':
      return emitContains(cx, value, sp);
    case 'uniqueItems':
      if (value === true) emitUnique(cx, schema, sp);
      return;
  }
}

function eachItem(cx: Ctx, from: string, body: (i: string, child: string) => void): void {
  const i = cx.w.name('i');
  cx.w.block(`for (let ${i} = ${from}; ${i} < ${cx.data}.length; ${i}++)`, () => {
    const child = cx.w.name('data');
    cx.w.line(`const ${child} = ${cx.data}[${i}];`);
    body(i, child);
  });
}

function emitTuple(cx: Ctx, keyword: string, schemas: unknown[]): void {
  const len = cx.w.name('len');
  cx.w.line(`const ${len} = ${cx.data}.length;`);
  schemas.forEach((s, i) => {
    if (alwaysValid(s, cx.scope.dialect)) return;
    cx.w.block(`if (${len} > ${i})`, () => {
      const child = cx.w.name('data');
      cx.w.line(`const ${child} = ${cx.data}[${i}];`);
      sub(cx, s, { data: child, ...childPath(cx, String(i)), schemaPath: `${cx.schemaPath}/${keyword}/${i}` });
    });
  });
}

/** Items after a tuple: `false` limits the length, a schema applies to each. */
function emitExtraItems(cx: Ctx, keyword: string, schema: unknown, count: number): void {
  const sp = `${cx.schemaPath}/${keyword}`;
  if (schema === false) {
    cx.w.block(`if (${cx.data}.length > ${count})`, () =>
      addError(cx, keyword, sp, `{ limit: ${count} }`, jsLiteral(`must NOT have more than ${count} items`)),
    );
  } else if (!alwaysValid(schema, cx.scope.dialect)) {
    eachItem(cx, String(count), (i, child) => sub(cx, schema, { data: child, ...indexPath(cx, i), schemaPath: sp }));
  }
}

function emitContains(cx: Ctx, schema: unknown, sp: string): void {
  const { w, data: d } = cx;
  const fail = (): void => addError(cx, 'contains', sp, '{ minContains: 1 }', '"must contain at least 1 valid item(s)"');
  if (alwaysValid(schema, cx.scope.dialect)) {
    w.block(`if (!(${d}.length >= 1))`, fail);
    return;
  }
  const count = w.name('e');
  const valid = w.name('valid');
  w.line(`const ${count} = mvCount(vErrors);`);
  w.line(`let ${valid} = false;`);
  eachItem(cx, '0', (i, child) => {
    const before = w.name('e');
    w.line(`const ${before} = mvCount(vErrors);`);
    sub(cx, schema, { data: child, ...indexPath(cx, i), schemaPath: sp, composite: true });
    w.block(`if (mvCount(vErrors) === ${before})`, () => {
      w.line(`${valid} = true;`);
      w.line('break;');
    });
  });
  w.ifElse(`!${valid}`, fail, () => resetErrors(cx, count));
}

/**
 * Ajv's two scans: with primitive item types, a map from value to the last
 * index seen, scanning from the end (items of other types are skipped);
 * otherwise pairwise deep equality, also from the end.
 */
function emitUnique(cx: Ctx, schema: Obj, sp: string): void {
  const { w, data: d } = cx;
  const types = schema.items ? schemaTypes(schema.items) : [];
  const i = w.name('i');
  const j = w.name('j');
  w.line(`let ${i} = ${d}.length;`);
  w.line(`let ${j};`);
  const fail = (): void =>
    addError(cx, 'uniqueItems', sp, `{ i: ${i}, j: ${j} }`, `"must NOT have duplicate items (items ## " + ${j} + " and " + ${i} + " are identical)"`, 'params and message');
  w.block(`if (${i} > 1)`, () => {
    if (types.length > 0 && !types.some((t) => t === 'object' || t === 'array')) {
      const indices = w.name('indices');
      const item = w.name('item');
      w.line(`const ${indices} = {};`);
      w.block(`for (; ${i}--; )`, () => {
        w.line(`let ${item} = ${d}[${i}];`);
        w.block(`if (!(${isAnyType(types, item)}))`, () => w.line('continue;'));
        if (types.length > 1) w.block(`if (typeof ${item} == "string")`, () => w.line(`${item} += "_";`));
        w.block(`if (typeof ${indices}[${item}] == "number")`, () => {
          w.line(`${j} = ${indices}[${item}];`);
          fail();
          w.line('break;');
        });
        w.line(`${indices}[${item}] = ${i};`);
      });
    } else {
      const outer = w.name('outer');
      w.block(`${outer}: for (; ${i}--; )`, () =>
        w.block(`for (${j} = ${i}; ${j}--; )`, () =>
          w.block(`if (${cx.scope.helper('equal')}(${d}[${i}], ${d}[${j}]))`, () => {
            fail();
            w.line(`break ${outer};`);
          }),
        ),
      );
    }
  });
}
