/**
 * `$ref`, `not`, `anyOf`, `oneOf`, `allOf`. Branch errors are collected and
 * dropped again when the keyword passes, as in Ajv with allErrors; `oneOf`
 * keeps Ajv's exact bookkeeping of passing branches (it stops at the second). A `$ref` to a definition
 * without further refs is inlined (errors name `#/$defs/...` paths), one with
 * refs is a function of its own (errors name paths inside the definition),
 * exactly the split Ajv makes.
 */
import { addError, type Ctx, resetErrors, sub } from './context.js';
import { alwaysValid, hasRef } from './keywords.js';
import { localRefTarget } from './refs.js';

export function emitCombinator(cx: Ctx, keyword: string, value: unknown): void {
  switch (keyword) {
    case '$ref':
      return emitRef(cx, value as string);
    case 'not':
      return emitNot(cx, value);
    case 'anyOf':
      return emitAnyOf(cx, value as unknown[]);
    case 'oneOf':
      return emitOneOf(cx, value as unknown[]);
    case 'allOf':
      (value as unknown[]).forEach((s, i) => {
        if (!alwaysValid(s, cx.scope.dialect)) sub(cx, s, { schemaPath: `${cx.schemaPath}/allOf/${i}` });
      });
  }
}

function emitRef(cx: Ctx, ref: string): void {
  const target = localRefTarget(cx.root, ref);
  if (ref !== '#' && !hasRef(target)) {
    sub(cx, target, { schemaPath: ref });
    return;
  }
  const fn = cx.scope.refFunction(cx.root, ref);
  const result = cx.w.name('refErrors');
  cx.w.line(`const ${result} = ${fn}(${cx.data}, ${cx.path});`);
  cx.w.block(`if (${result} !== null)`, () => {
    cx.w.line(`vErrors = vErrors === null ? ${result} : vErrors.concat(${result});`);
  });
}

function emitNot(cx: Ctx, schema: unknown): void {
  const sp = `${cx.schemaPath}/not`;
  const fail = (): void => addError(cx, 'not', sp, '{}', '"must NOT be valid"');
  if (alwaysValid(schema, cx.scope.dialect)) return fail();
  const count = cx.w.name('e');
  cx.w.line(`const ${count} = mvCount(vErrors);`);
  sub(cx, schema, { schemaPath: sp, composite: true });
  cx.w.ifElse(`mvCount(vErrors) === ${count}`, fail, () => resetErrors(cx, count));
}

function emitAnyOf(cx: Ctx, schemas: unknown[]): void {
  const { w } = cx;
  const dialect = cx.scope.dialect;
  // Without unevaluated* support (draft-07), Ajv skips anyOf with an
  // always-valid branch and stops at the first passing branch; Ajv2020
  // evaluates every branch.
  if (dialect === 'draft-07' && schemas.some((s) => alwaysValid(s, dialect))) return;
  const count = w.name('e');
  const valid = w.name('valid');
  w.line(`const ${count} = mvCount(vErrors);`);
  w.line(`let ${valid} = false;`);
  const branch = (i: number): void => {
    const before = w.name('e');
    w.line(`const ${before} = mvCount(vErrors);`);
    sub(cx, schemas[i], { schemaPath: `${cx.schemaPath}/anyOf/${i}`, composite: true });
    w.line(`${valid} = ${valid} || mvCount(vErrors) === ${before};`);
    if (i + 1 < schemas.length) {
      if (dialect === 'draft-07') w.block(`if (!${valid})`, () => branch(i + 1));
      else branch(i + 1);
    }
  };
  branch(0);
  w.ifElse(`!${valid}`, () => addError(cx, 'anyOf', `${cx.schemaPath}/anyOf`, '{}', '"must match a schema in anyOf"'), () => resetErrors(cx, count));
}

function emitOneOf(cx: Ctx, schemas: unknown[]): void {
  const { w } = cx;
  const count = w.name('e');
  const valid = w.name('valid');
  const passing = w.name('passing');
  w.line(`const ${count} = mvCount(vErrors);`);
  w.line(`let ${valid} = false;`);
  w.line(`let ${passing} = null;`);
  const branch = (i: number): void => {
    const branchValid = w.name('branchValid');
    if (alwaysValid(schemas[i], cx.scope.dialect)) w.line(`const ${branchValid} = true;`);
    else {
      const before = w.name('e');
      w.line(`const ${before} = mvCount(vErrors);`);
      sub(cx, schemas[i], { schemaPath: `${cx.schemaPath}/oneOf/${i}`, composite: true });
      w.line(`const ${branchValid} = mvCount(vErrors) === ${before};`);
    }
    const passAndContinue = (): void => {
      w.block(`if (${branchValid})`, () => {
        w.line(`${valid} = true;`);
        w.line(`${passing} = ${i};`);
      });
      if (i + 1 < schemas.length) branch(i + 1);
    };
    // As in Ajv: a second passing branch fails the keyword and stops evaluating further branches.
    if (i === 0) passAndContinue();
    else
      w.ifElse(
        `${branchValid} && ${valid}`,
        () => {
          w.line(`${valid} = false;`);
          w.line(`${passing} = [${passing}, ${i}];`);
        },
        passAndContinue,
      );
  };
  branch(0);
  w.ifElse(
    `!${valid}`,
    () => addError(cx, 'oneOf', `${cx.schemaPath}/oneOf`, `{ passingSchemas: ${passing} }`, '"must match exactly one schema in oneOf"', 'params'),
    () => resetErrors(cx, count),
  );
}
