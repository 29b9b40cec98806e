/**
 * Plans a manifest's migration from one revision to another: which items the
 * composed migration steps touch, what is edited (as data edits the YAML
 * editor can apply) and what needs a human decision. Pure: works on a copy
 * of the manifest data and never touches disk.
 */
import type { JsonObject } from '../load/manifest-types.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { MigrationAction, MigrationEntry } from './migration-table.js';
import { planMigration, type MigrationStep } from './plan-migration.js';
import { runRequirementCheck } from './requirement-checks.js';
import { targetsOf } from './manifest-targets.js';
import type { ManifestEdit } from './yaml-edit.js';

export type MigrationCode = 'migrate/field-dropped' | 'migrate/field-renamed' | 'migrate/requires-input' | 'migrate/note';

/** One thing the migration does to, or asks of, this manifest. */
export interface MigrationFinding {
  code: MigrationCode;
  severity: Severity;
  /** JSON Pointer into the manifest data; undefined for notes about the whole server. */
  pointer?: string;
  message: string;
  hint: string;
  action: MigrationAction;
  /** The adjacent step this comes from. */
  step: { from: string; to: string; direction: MigrationStep['direction'] };
  definition: string;
  field?: string;
  /** The data edit, for drop and rename actions. */
  edit?: ManifestEdit;
}

export interface ManifestMigration {
  from: string;
  to: string;
  findings: MigrationFinding[];
  /** The edits in order, ending with the revision bump. */
  edits: ManifestEdit[];
  /** The manifest data after the edits. */
  data: JsonObject;
}

function hintFor(entry: MigrationEntry): string {
  return `${entry.explain} See ${entry.see}`;
}

const arrow = (s: MigrationStep) => `${s.leaving} -> ${s.arriving}`;

/** Removes a key at `path` from plain data (the working copy). */
function dataDelete(root: JsonObject, path: (string | number)[]): void {
  let node = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
}

function dataRename(target: JsonObject, from: string, to: string): void {
  const entries = Object.entries(target).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, Object.fromEntries(entries));
}

function fieldStep(step: MigrationStep, data: JsonObject, findings: MigrationFinding[], edits: ManifestEdit[]): void {
  const { entry, action } = step;
  const field = step.direction === 'downgrade' && entry.change === 'renamed' ? entry.renamedTo! : entry.field!;
  const stepInfo = { from: step.leaving, to: step.arriving, direction: step.direction };
  for (const t of targetsOf(data, entry.definition)) {
    if (!(field in t.value)) continue;
    const base = { action, step: stepInfo, definition: entry.definition, field, hint: hintFor(entry) };
    if (action === 'drop-with-warning') {
      const edit: ManifestEdit = { op: 'delete', path: [...t.path, field] };
      findings.push({ ...base, code: 'migrate/field-dropped', severity: 'warning', pointer: `${t.pointer}/${field}`, edit,
        message: `${t.label}: "${field}" is dropped (${arrow(step)}: ${entry.definition} ${step.direction === 'downgrade' ? `has no "${field}" before ${entry.to}` : `has no "${field}" from ${entry.to} on`}).` });
      edits.push(edit);
      dataDelete(data, edit.path);
    } else if (action === 'rename') {
      const newKey = step.direction === 'downgrade' ? entry.field! : entry.renamedTo!;
      const edit: ManifestEdit = { op: 'rename', path: [...t.path, field], newKey };
      findings.push({ ...base, code: 'migrate/field-renamed', severity: 'info', pointer: `${t.pointer}/${field}`, edit, message: `${t.label}: "${field}" is renamed to "${newKey}" (${arrow(step)}).` });
      edits.push(edit);
      dataRename(t.value, field, newKey);
    } else if (action === 'requires-input') {
      findings.push({ ...base, code: 'migrate/requires-input', severity: 'warning', pointer: `${t.pointer}/${field}`, message: `${t.label}: "${field}" needs a decision (${arrow(step)}).` });
    }
  }
}

function requirementStep(step: MigrationStep, data: JsonObject, findings: MigrationFinding[], edits: ManifestEdit[]): void {
  const { entry, action } = step;
  if (action === 'none' || !entry.check) return;
  const stepInfo = { from: step.leaving, to: step.arriving, direction: step.direction };
  for (const hit of runRequirementCheck(entry.check, data)) {
    const base = { action, step: stepInfo, definition: entry.definition, field: entry.field, hint: hintFor(entry), pointer: hit.pointer };
    if (action === 'drop-with-warning') {
      const edit: ManifestEdit = { op: 'delete', path: hit.path };
      findings.push({ ...base, code: 'migrate/field-dropped', severity: 'warning', edit, message: `${hit.label}: ${hit.detail} is dropped (${arrow(step)}).` });
      edits.push(edit);
      dataDelete(data, hit.path);
    } else {
      findings.push({ ...base, code: 'migrate/requires-input', severity: 'warning', message: `${hit.label}: ${hit.detail} needs a decision (${arrow(step)}).` });
    }
  }
}

function noteStep(step: MigrationStep, data: JsonObject, findings: MigrationFinding[]): void {
  const { entry } = step;
  if (entry.definition !== 'CallToolResult' || (entry.change === 'type-changed' && step.direction === 'upgrade')) return;
  if (!Array.isArray(data.tools) || data.tools.length === 0) return;
  findings.push({
    code: 'migrate/note',
    severity: 'info',
    message: `Tool results (${arrow(step)}): ${entry.explain}`,
    hint: `See ${entry.see}`,
    action: 'none',
    step: { from: step.leaving, to: step.arriving, direction: step.direction },
    definition: entry.definition,
    field: entry.field,
  });
}

/**
 * Migrates manifest data from revision `from` to `to`.
 * @throws McpgenError for an unknown revision
 */
export function migrateManifest(manifestData: JsonObject, from: string, to: string): ManifestMigration {
  const data = structuredClone(manifestData);
  const findings: MigrationFinding[] = [];
  const edits: ManifestEdit[] = [];
  for (const step of planMigration(from, to)) {
    if (step.entry.check) requirementStep(step, data, findings, edits);
    else if (step.entry.scope === 'manifest') fieldStep(step, data, findings, edits);
    else noteStep(step, data, findings);
  }
  if (from !== to || data.revision !== to) {
    const edit: ManifestEdit = { op: 'set', path: ['revision'], value: to };
    edits.push(edit);
    data.revision = to;
  }
  return { from, to, findings, edits, data };
}
