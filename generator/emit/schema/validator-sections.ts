/**
 * How a large validator module is split into sections
 * (compile-validators.ts CompiledModule.files): tools are spread over a
 * power of two as many sections as SECTION_UNITS tools each take, up to
 * MAX_SECTIONS, each tool in the section its name hashes to. By name, not by
 * position, so that adding or removing a tool leaves the other sections as
 * they were.
 */
export const SECTION_UNITS = 32;
const MAX_SECTIONS = 64;

/** How many sections a module of `units` tools is split into (1: not split). */
export function sectionCount(units: number): number {
  let count = 1;
  while (count * SECTION_UNITS < units && count < MAX_SECTIONS) count *= 2;
  return count;
}

/**
 * The sections of `items` (each of the unit at the same index of `units`),
 * in order, without the empty ones: none when the items belong to at most
 * SECTION_UNITS units (the module stays one file).
 */
export function sectionsOf<T>(items: readonly T[], units: readonly string[]): { section: string; members: T[] }[] {
  const count = sectionCount(new Set(units).size);
  if (count === 1) return [];
  const members: T[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < items.length; i++) members[fnv1a(units[i]!) & (count - 1)]!.push(items[i]!);
  return members.flatMap((list, i) => (list.length ? [{ section: `part-${String(i).padStart(2, '0')}`, members: list }] : []));
}

/** FNV-1a over the UTF-16 code units: a fixed spread of names over sections, the same on every machine and run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
