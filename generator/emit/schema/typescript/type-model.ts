/**
 * The TypeScript types the converter produces, as a small tree between the
 * JSON Schema walk (`schema-to-type.ts`) and the layout (`type-layout.ts`), so
 * each side stays simple: the walk decides meaning, the layout only spelling.
 */

export type TsType =
  /** `string`, `number`, `boolean`, `null`, `unknown`, `never`, or a literal already spelled as source. */
  | { kind: 'atom'; text: string }
  /** A named type declared in the same module. */
  | { kind: 'ref'; name: string }
  | { kind: 'array'; element: TsType }
  /** `[A, B?, ...R[]]`: `rest` is the type of each further element. */
  | { kind: 'tuple'; elements: { type: TsType; optional: boolean }[]; rest?: TsType }
  | { kind: 'union'; members: TsType[] }
  | { kind: 'intersection'; members: TsType[] }
  | { kind: 'object'; members: TsMember[] };

export type TsMember =
  | { kind: 'property'; key: string; optional: boolean; type: TsType; doc: string[] }
  | { kind: 'index'; type: TsType; doc: string[] };

export const UNKNOWN: TsType = { kind: 'atom', text: 'unknown' };
export const NEVER: TsType = { kind: 'atom', text: 'never' };

export function atom(text: string): TsType {
  return { kind: 'atom', text };
}

/** A key that identifies a type structurally (for de-duplicating union members). */
export function typeKey(t: TsType): string {
  switch (t.kind) {
    case 'atom':
      return t.text;
    case 'ref':
      return `#${t.name}`;
    case 'array':
      return `[${typeKey(t.element)}]`;
    case 'tuple':
      return `T(${t.elements.map((e) => typeKey(e.type) + (e.optional ? '?' : '')).join(',')};${t.rest ? typeKey(t.rest) : ''})`;
    case 'union':
      return `U(${t.members.map(typeKey).join('|')})`;
    case 'intersection':
      return `I(${t.members.map(typeKey).join('&')})`;
    case 'object':
      return `O{${t.members.map((m) => (m.kind === 'index' ? `[]:${typeKey(m.type)}` : `${JSON.stringify(m.key)}${m.optional ? '?' : ''}:${typeKey(m.type)}`)).join(';')}}`;
  }
}

/**
 * `A | B | ...`, flattened and de-duplicated: `unknown` absorbs everything,
 * `never` disappears, one member is itself.
 */
export function union(members: TsType[]): TsType {
  if (members.length === 1 && members[0]!.kind !== 'union') return members[0]!;
  const flat: TsType[] = [];
  const seen = new Set<string>();
  const add = (m: TsType): boolean => {
    if (m.kind === 'atom') {
      if (m.text === 'unknown') return false;
      if (m.text === 'never') return true;
    }
    // Atoms are their own key; only composite types need one computed.
    const key = m.kind === 'atom' ? m.text : typeKey(m);
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(m);
    }
    return true;
  };
  for (const m of members) {
    if (m.kind === 'union') {
      for (const inner of m.members) if (!add(inner)) return UNKNOWN;
    } else if (!add(m)) return UNKNOWN;
  }
  if (flat.length === 0) return NEVER;
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/** `A & B & ...`, flattened: `unknown` members disappear, `never` absorbs everything. */
export function intersection(members: TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const m of members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]))) {
    if (m.kind === 'atom' && m.text === 'unknown') continue;
    if (m.kind === 'atom' && m.text === 'never') return NEVER;
    const key = typeKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(m);
  }
  if (flat.length === 0) return UNKNOWN;
  return flat.length === 1 ? flat[0]! : { kind: 'intersection', members: flat };
}
