/**
 * Code for one subschema, in Ajv's evaluation order: a type error first when
 * no keyword group of the declared type runs, then the keywords for any type,
 * then each type group behind its type test (reporting the type error in its
 * `else` when the schema declares exactly that type), as Ajv's
 * `schemaKeywords` does. Keyword code lives in the keyword modules; they
 * recurse through `cx.emit`, which is this function.
 */
import { emitArrayKeyword } from './array-keywords.js';
import { emitCombinator } from './combinators.js';
import { addError, type Ctx, isAnyType, isType, type Obj } from './context.js';
import { ANY_TYPE_KEYWORDS, GROUP_KEYWORDS, GROUP_ORDER, type GroupType, hasRules, schemaTypes } from './keywords.js';
import { jsLiteral } from './literals.js';
import { emitDefaults, emitObjectKeyword, emitSharedPresence } from './object-keywords.js';
import { emitConst, emitEnum, emitNumberKeyword, emitStringKeyword } from './scalar-keywords.js';

function typeError(cx: Ctx, schema: Obj): void {
  const type = schema.type;
  addError(cx, 'type', `${cx.schemaPath}/type`, `{ type: ${jsLiteral(type)} }`, jsLiteral(`must be ${String(type)}`));
}

export function emitSchema(cx: Ctx, schema: unknown): void {
  if (schema === true) return;
  if (schema === false) {
    addError(cx, 'false schema', `${cx.schemaPath}/false schema`, '{}', '"boolean schema is false"');
    return;
  }
  const s = schema as Obj;
  if (!hasRules(s, cx.scope.dialect)) return;
  const types = schemaTypes(s);
  const used = (group: GroupType): boolean => GROUP_KEYWORDS[group].some((k) => s[k] !== undefined);
  const typeGroup = types.length === 1 && (GROUP_ORDER as readonly string[]).includes(types[0]!) && used(types[0] as GroupType) ? types[0] : undefined;
  if (types.length > 0 && !typeGroup) cx.w.block(`if (!(${isAnyType(types, cx.data)}))`, () => typeError(cx, s));

  for (const keyword of ANY_TYPE_KEYWORDS) {
    if (s[keyword] === undefined) continue;
    if (keyword === 'const') emitConst(cx, s.const);
    else if (keyword === 'enum') emitEnum(cx, s.enum as unknown[]);
    else emitCombinator(cx, keyword, s[keyword]);
  }

  for (const group of GROUP_ORDER) {
    if (!used(group)) continue;
    const body = (): void => {
      if (group === 'object') emitDefaults(cx, s);
      const shared = group === 'object' ? emitSharedPresence(cx, s) : new Map<string, string>();
      for (const keyword of GROUP_KEYWORDS[group]) {
        if (s[keyword] === undefined) continue;
        if (group === 'number') emitNumberKeyword(cx, keyword, s);
        else if (group === 'string') emitStringKeyword(cx, keyword, s);
        else if (group === 'array') emitArrayKeyword(cx, keyword, s);
        else emitObjectKeyword(cx, keyword, s, shared);
      }
    };
    if (typeGroup === group) cx.w.ifElse(isType(group, cx.data), body, () => typeError(cx, s));
    else {
      const mark = cx.w.mark();
      cx.w.block(`if (${isType(group, cx.data)})`, body);
      // A group whose keywords emit nothing here (a string format in the number group).
      if (cx.w.mark() === mark + 2) cx.w.rewind(mark);
    }
  }
}
