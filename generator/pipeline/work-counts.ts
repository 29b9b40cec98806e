/**
 * Counts of the expensive units of work a run does (schema conversions to
 * types, validator compilations, formatter passes, files written). A test
 * generates manifests of growing size and checks that each count grows
 * linearly with the number of tools (and that the formatter never runs for
 * built-in emitters): a guard against quadratic work or repeated compilation
 * that does not depend on timing. Counting costs an integer increment.
 */
const KINDS = ['types-converted', 'validators-compiled', 'validators-via-ajv', 'formatter-passes', 'files-written', 'specs-loaded', 'outputs-read', 'tool-schemas-checked', 'definitions-checked', 'sources-split-into-lines', 'outputs-statted', 'text-parts-encoded', 'text-parts-hashed', 'parted-texts-joined', 'memo-keys-serialized', 'tool-table-entries-laid-out', 'spec-files-hashed'] as const;

export type WorkKind = (typeof KINDS)[number];

const counts = new Map<WorkKind, number>();

export function countWork(kind: WorkKind, amount = 1): void {
  counts.set(kind, (counts.get(kind) ?? 0) + amount);
}

/** The counts since the last reset (kinds never counted are 0). */
export function workCounts(): Record<WorkKind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, counts.get(k) ?? 0])) as Record<WorkKind, number>;
}

export function resetWorkCounts(): void {
  counts.clear();
}
