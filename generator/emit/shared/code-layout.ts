/**
 * Line layout for the statements the built-in emitters repeat per item
 * (imports, calls, function types), following the formatter's rules for
 * these shapes at print width 100: one line when it fits, else one element
 * per line with a trailing comma. Generated modules are then readable
 * without running a formatter over them (see laid-out.ts).
 */
export const PRINT_WIDTH = 100;

/** `import { a, b } from 'x';` (or `import type`, `export type`), broken one name per line when too long. */
export function importNames(keyword: string, names: string[], from: string): string {
  const flat = `${keyword} { ${names.join(', ')} } from '${from}';`;
  if (flat.length <= PRINT_WIDTH) return flat;
  return `${keyword} {\n${names.map((n) => `  ${n},\n`).join('')}} from '${from}';`;
}

/** `callee(a, b);` at `indent`, broken one argument per line when too long; an object argument breaks in turn. */
export function callStatement(indent: string, callee: string, args: string[]): string {
  const flat = `${indent}${callee}(${args.join(', ')});`;
  if (flat.length <= PRINT_WIDTH) return flat;
  const inner = `${indent}  `;
  return `${indent}${callee}(\n${args.map((a) => `${inner}${breakObject(inner, a)},\n`).join('')}${indent});`;
}

/** `{ a: x, b: y }` as one key per line when the argument line is too long (other expressions as they are). */
function breakObject(indent: string, arg: string): string {
  if (`${indent}${arg},`.length <= PRINT_WIDTH || !arg.startsWith('{ ') || !arg.endsWith(' }')) return arg;
  const members = splitTopLevel(arg.slice(2, -2));
  return `{\n${members.map((m) => `${indent}  ${m},\n`).join('')}${indent}}`;
}

/** Splits `a: x, b: f(y, z)` at top-level commas (members here never hold strings with brackets). */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out;
}

/** `export type Name = (p: A, q: B) => R;`, parameters one per line when too long. */
export function functionType(name: string, params: string[], result: string): string {
  const flat = `export type ${name} = (${params.join(', ')}) => ${result};`;
  if (flat.length <= PRINT_WIDTH) return flat;
  return `export type ${name} = (\n${params.map((p) => `  ${p},\n`).join('')}) => ${result};`;
}

/** `items.join(separator)` as parts (the items, with the separator between them), for a parted text (output/parted-text.ts). */
export function joinedBy(separator: string, items: readonly string[]): string[] {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(separator);
    parts.push(items[i]!);
  }
  return parts;
}
