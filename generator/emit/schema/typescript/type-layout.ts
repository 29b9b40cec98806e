/**
 * Layout of the `type-model.ts` tree as the documents prettier's TypeScript
 * printer builds for the same source (unions with leading `|` when broken,
 * parentheses where a union sits in an array, tuples with trailing commas,
 * object types always expanded as json-schema-to-typescript wrote them, and
 * so on), so `printDoc` yields what prettier would print.
 */
import { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from './layout-doc.js';
import { propertyKey } from './ts-literals.js';
import type { TsMember, TsType } from './type-model.js';

/** Where a type appears: prettier parenthesizes and indents unions by their parent. */
type Position =
  /** After `key: ` or `]: ` (a type annotation). */
  | 'annotation'
  /** Element of an array type, operand of `&`, or an optional tuple element: needs parentheses. */
  | 'operand'
  /** Member of a union (never a union itself: unions are flattened); an intersection gets parentheses. */
  | 'member'
  /** Element of a tuple with more than one element. */
  | 'tuple-element'
  /** The only element of a tuple. */
  | 'only-element'
  /** Right-hand side of a type alias. */
  | 'alias';

/** The union printed inline: one object-like type (object or reference) plus `null`s. */
function hugsUnion(members: TsType[]): boolean {
  const objects = members.filter((m) => m.kind === 'object' || m.kind === 'ref');
  return objects.length === 1 && members.every((m) => m === objects[0] || (m.kind === 'atom' && m.text === 'null'));
}

/** `A | B` broken as `| A` / `| B`, each member aligned after its bar. */
function unionCode(members: TsType[]): Doc {
  return group(members.map((m, i) => [i === 0 ? ifBreak('| ') : [line, '| '], align(2, typeDoc(m, 'member'))]));
}

function isObjectType(t: TsType): boolean {
  return t.kind === 'object';
}

function intersectionDoc(members: TsType[]): Doc {
  let wasIndented = false;
  return group(
    members.map((m, index) => {
      const doc = typeDoc(m, 'operand');
      if (index === 0) return doc;
      const current = isObjectType(m);
      const previous = isObjectType(members[index - 1]!);
      if (previous && current) return [' & ', wasIndented ? indent(doc) : doc];
      if (!previous && !current) return indent([' &', line, doc]);
      if (index > 1) wasIndented = true;
      return [' & ', index > 1 ? indent(doc) : doc];
    }),
  );
}

function tupleDoc(t: Extract<TsType, { kind: 'tuple' }>): Doc {
  const count = t.elements.length + (t.rest ? 1 : 0);
  if (count === 0) return '[]';
  const position: Position = count > 1 ? 'tuple-element' : 'only-element';
  const elements: Doc[] = t.elements.map((e) => group(e.optional ? [typeDoc(e.type, 'operand'), '?'] : typeDoc(e.type, position)));
  if (t.rest) elements.push(group(['...', typeDoc({ kind: 'array', element: t.rest }, position)]));
  return group(['[', indent([softline, join([',', line], elements)]), ifBreak(','), softline, ']']);
}

function memberDoc(m: TsMember): Doc {
  const body =
    m.kind === 'property'
      ? group([propertyKey(m.key), m.optional ? '?' : '', ': ', typeDoc(m.type, 'annotation')])
      : group(['[', group([indent([softline, 'k: string']), softline]), ']', ': ', typeDoc(m.type, 'annotation')]);
  return [...m.doc.flatMap((l) => [l, hardline]), body, ';'];
}

/** `{ ... }` with one member per line (json-schema-to-typescript's expanded layout, which prettier keeps). */
function objectBody(members: TsMember[]): Doc {
  if (members.length === 0) return '{}';
  return group(['{', indent(members.map((m) => [hardline, memberDoc(m)])), hardline, '}'], { shouldBreak: true });
}

function typeDoc(t: TsType, position: Position): Doc {
  switch (t.kind) {
    case 'atom':
      return t.text;
    case 'ref':
      return t.name;
    case 'array':
      return [typeDoc(t.element, 'operand'), '[]'];
    case 'tuple':
      return tupleDoc(t);
    case 'object':
      return objectBody(t.members);
    case 'intersection': {
      const doc = intersectionDoc(t.members);
      return position === 'operand' || position === 'member' ? ['(', doc, ')'] : doc;
    }
    case 'union': {
      if (hugsUnion(t.members)) {
        const doc = join(' | ', t.members.map((m) => typeDoc(m, 'member')));
        return position === 'operand' ? ['(', doc, ')'] : doc;
      }
      const code = unionCode(t.members);
      switch (position) {
        case 'operand':
          return ['(', group([indent([softline, code]), softline]), ')'];
        case 'tuple-element':
          return group([indent([ifBreak(['(', softline]), code]), softline, ifBreak(')')]);
        case 'alias':
        case 'only-element':
          return code;
        default:
          return group(indent([softline, code]));
      }
    }
  }
}

/**
 * Types with no line break to choose: names, arrays of them, unions that hug
 * (`T | null`) and object types (always expanded). Their text needs no
 * fitting, so it is written directly; the layout engine handles the rest.
 * That is most of a real schema, and far cheaper than building documents.
 */
function isRigid(t: TsType): boolean {
  switch (t.kind) {
    case 'atom':
    case 'ref':
    case 'object':
      return true;
    case 'array':
      return isRigid(t.element);
    case 'union':
      return hugsUnion(t.members) && t.members.every(isRigid);
    default:
      return false;
  }
}

function rigidText(t: TsType, ind: string, width: number): string {
  switch (t.kind) {
    case 'atom':
      return t.text;
    case 'ref':
      return t.name;
    case 'array':
      return t.element.kind === 'union' ? `(${rigidText(t.element, ind, width)})[]` : `${rigidText(t.element, ind, width)}[]`;
    case 'union':
      return t.members.map((m) => rigidText(m, ind, width)).join(' | ');
    case 'object':
      return objectText(t.members, ind, width);
    default:
      throw new Error(`mcpgen internal error: ${t.kind} is not rigid`);
  }
}

/** An object body at indentation `ind`: rigid properties written directly, the others through the layout engine. */
function objectText(members: TsMember[], ind: string, width: number): string {
  if (members.length === 0) return '{}';
  const inner = `${ind}  `;
  let text = '{\n';
  for (const m of members) {
    for (const l of m.doc) text += `${inner}${l}\n`;
    // A member is followed by a hard line break, so it can be laid out on its own.
    let body: string;
    if (m.kind === 'property' && isRigid(m.type)) body = `${propertyKey(m.key)}${m.optional ? '?' : ''}: ${rigidText(m.type, inner, width)};`;
    else if (m.kind === 'property' && m.type.kind === 'union' && m.type.members.every((t) => t.kind === 'atom')) {
      body = atomUnionProperty(`${propertyKey(m.key)}${m.optional ? '?' : ''}:`, m.type.members, inner, width);
    } else body = printDoc(memberDoc({ ...m, doc: [] }), width, inner);
    text += `${inner}${body}\n`;
  }
  return `${text}${ind}}`;
}

/**
 * `key: 'a' | 'b';` (enums, nullable scalars): what the layout engine prints
 * for a union of names and literals, without building documents: on one line
 * if it fits, else the union alone on the next line, else one member per line.
 */
function atomUnionProperty(head: string, members: TsType[], ind: string, width: number): string {
  const texts = members.map((t) => (t as { text: string }).text);
  const flat = texts.join(' | ');
  if (ind.length + head.length + 1 + flat.length + 1 <= width) return `${head} ${flat};`;
  const next = `${ind}  `;
  if (next.length + flat.length + 1 <= width) return `${head}\n${next}${flat};`;
  return `${head}\n${texts.map((t) => `${next}| ${t}`).join('\n')};`;
}

/** `export interface Name { ... }`, printed. */
export function interfaceText(name: string, members: TsMember[], doc: string[], width: number): string {
  return `${doc.map((l) => `${l}\n`).join('')}export interface ${name} ${objectText(members, '', width)}`;
}

/**
 * `export type Name = T;` with prettier's assignment layouts: a union that
 * does not hug breaks after `=` first ("break-after-operator"), anything else
 * moves to the next line only when its first line would not fit ("fluid").
 */
export function aliasDoc(name: string, type: TsType, doc: string[]): Doc {
  const lhs = group(['export type ', name]);
  const comment = doc.flatMap((l) => [l, hardline]);
  if (type.kind === 'union' && !hugsUnion(type.members)) {
    return [...comment, group([lhs, ' =', group(indent([line, unionCode(type.members)]))]), ';'];
  }
  const id = Symbol('assignment');
  return [...comment, group([lhs, ' =', group(indent(line), { id }), indentIfBreak(typeDoc(type, 'alias'), id)]), ';'];
}
