/**
 * Composes the migration table across several revisions: 2024-11-05 ->
 * 2026-07-28 is the four adjacent steps in order; a downgrade walks the steps
 * backwards with each entry's `downgrade` action. Applying the steps one
 * after another (rather than merging them) keeps composition exact: a field
 * added in one step and removed in a later one is handled by both.
 */
import { listRevisions, requireRevision } from '../spec/revisions.js';
import { MIGRATION_TABLE, type MigrationAction, type MigrationEntry } from './migration-table.js';

export interface MigrationStep {
  entry: MigrationEntry;
  direction: 'upgrade' | 'downgrade';
  /** The action for this direction. */
  action: MigrationAction;
  /** The revision this step leaves and the one it arrives at. */
  leaving: string;
  arriving: string;
}

/** Revision ids, oldest first (draft last). */
function ids(): string[] {
  return listRevisions().map((r) => r.id);
}

/**
 * The steps from revision `from` to revision `to`, in the order to apply them.
 * @throws McpgenError (`spec/unknown-revision`) for an unknown revision
 */
export function planMigration(from: string, to: string, table: readonly MigrationEntry[] = MIGRATION_TABLE): MigrationStep[] {
  requireRevision(from);
  requireRevision(to);
  const order = ids();
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  const steps: MigrationStep[] = [];
  if (a < b) {
    for (let i = a; i < b; i++) {
      for (const entry of table) {
        if (entry.from === order[i] && entry.to === order[i + 1]) {
          steps.push({ entry, direction: 'upgrade', action: entry.upgrade, leaving: entry.from, arriving: entry.to });
        }
      }
    }
  } else {
    for (let i = a; i > b; i--) {
      for (const entry of [...table].reverse()) {
        if (entry.to === order[i] && entry.from === order[i - 1]) {
          steps.push({ entry, direction: 'downgrade', action: entry.downgrade, leaving: entry.to, arriving: entry.from });
        }
      }
    }
  }
  return steps;
}

/** The adjacent pairs between two revisions, in travel order (for reports). */
export function revisionPath(from: string, to: string): string[] {
  const order = ids();
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  return a <= b ? order.slice(a, b + 1) : order.slice(b, a + 1).reverse();
}
