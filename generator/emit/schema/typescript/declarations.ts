/**
 * JSON Schema → a TypeScript module declaring `<TypeName>` (an interface for
 * an object schema, else a type alias) plus one named type per `$defs` /
 * `definitions` entry. Synchronous and laid out exactly as prettier would lay
 * it out (see `layout-doc.ts`), so the write stage need not format it.
 */
import { printDoc } from './layout-doc.js';
import { definitionNames, definitionsOf } from './definition-names.js';
import { schemaType, type WalkContext } from './schema-to-type.js';
import { isPrintableAscii, jsDocLines } from './ts-literals.js';
import { aliasDoc, interfaceText } from './type-layout.js';
import { UNKNOWN, type TsType } from './type-model.js';

/** prettier's `printWidth` for generated files (output/format-files.ts). */
const PRINT_WIDTH = 100;

export interface Declarations {
  code: string;
  /**
   * Whether `code` is already what prettier prints. False only when a string
   * literal or key holds non-ASCII text, whose display width this layout does
   * not measure: such a module must still go through prettier.
   */
  laidOut: boolean;
}

interface Declared {
  name: string;
  type: TsType;
  doc: string[];
}

/**
 * The references a type alias needs resolved to know what it is: members of
 * unions and intersections. (References inside arrays, tuples and objects are
 * deferred by TypeScript, so recursion through them is fine.)
 */
function eagerRefs(t: TsType): string[] {
  if (t.kind === 'ref') return [t.name];
  if (t.kind === 'union' || t.kind === 'intersection') return t.members.flatMap(eagerRefs);
  return [];
}

/**
 * Type aliases that would reference themselves eagerly (`type A = B | null;
 * type B = A`), which TypeScript rejects ("circularly references itself"):
 * such a schema accepts nothing definite, so the alias becomes `unknown`.
 */
function breakAliasCycles(declared: Declared[]): void {
  const aliases = new Map(declared.filter((d) => d.type.kind !== 'object').map((d) => [d.name, d]));
  for (const d of aliases.values()) {
    const seen = new Set<string>();
    const queue = eagerRefs(d.type);
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (name === d.name) {
        d.type = UNKNOWN;
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      const target = aliases.get(name);
      if (target) queue.push(...eagerRefs(target.type));
    }
  }
}

function declarationText(d: Declared): string {
  return d.type.kind === 'object' ? interfaceText(d.name, d.type.members, d.doc, PRINT_WIDTH) : printDoc(aliasDoc(d.name, d.type, d.doc), PRINT_WIDTH);
}

/** Comment lines are never measured; any other line must be printable ASCII to be measured right. */
function measurable(code: string): boolean {
  if (!/[^\x20-\x7e\n]/.test(code)) return true;
  return code.split('\n').every((l) => isPrintableAscii(l) || /^\s*(\/\*\*|\*)/.test(l));
}

function render(declared: Declared[]): Declarations {
  breakAliasCycles(declared);
  const code = declared.map((d) => `${declarationText(d)}\n`).join('\n');
  return { code, laidOut: measurable(code) };
}

function describe(schema: unknown): string[] {
  return jsDocLines(typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>).description : undefined);
}

export function schemaToDeclarations(schema: Record<string, unknown>, typeName: string): Declarations {
  const definitions = definitionsOf(schema);
  const names = definitionNames(definitions, [typeName]);
  const ctx: WalkContext = { names: new Map([['', typeName], ...names]) };
  return render([
    // The root's title or $id never renames it: the IR chose the name.
    { name: typeName, type: schemaType(schema, ctx), doc: describe(schema) },
    ...definitions.map((d) => ({ name: names.get(d.pointer)!, type: schemaType(d.schema, ctx), doc: describe(d.schema) })),
  ]);
}

/**
 * One declaration per named definition (a protocol schema's), in the given
 * order, each named exactly as given; `#/definitions/<name>` and
 * `#/$defs/<name>` refer to them.
 */
export function definitionsToDeclarations(definitions: { name: string; schema: unknown }[]): Declarations {
  const names = new Map<string, string>();
  for (const { name } of definitions) {
    const token = name.replace(/~/g, '~0').replace(/\//g, '~1');
    names.set(`/definitions/${token}`, name);
    names.set(`/$defs/${token}`, name);
  }
  const ctx: WalkContext = { names };
  return render(definitions.map((d) => ({ name: d.name, type: schemaType(d.schema, ctx), doc: describe(d.schema) })));
}
