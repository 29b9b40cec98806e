/**
 * The migration table against the official schemas: every change the
 * revision diff finds on a tracked definition is listed, every listed
 * schema change is confirmed by the diff, and steps compose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDefinition } from '../../generator/protocol/diff/diff-revisions.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { listRevisions } from '../../generator/spec/revisions.js';
import { MIGRATION_TABLE, TRACKED_DEFINITIONS, type MigrationEntry } from '../../generator/migrate/migration-table.js';
import { planMigration } from '../../generator/migrate/plan-migration.js';
import { repoRoot } from '../helpers/paths.js';

const revisions = listRevisions().map((r) => r.id);
const pairs = revisions.slice(0, -1).map((from, i) => [from, revisions[i + 1]!] as const);

/** What the schema diff says about one tracked definition between two revisions, as table-shaped keys. */
function schemaChanges(from: string, to: string): Set<string> {
  const before = loadSpec(from).definitions;
  const after = loadSpec(to).definitions;
  const keys = new Set<string>();
  for (const name of TRACKED_DEFINITIONS) {
    if (!before[name] || !after[name]) continue;
    const c = diffDefinition(name, before[name], after[name]);
    if (!c) continue;
    for (const p of c.propertiesAdded) keys.add(`${name}.${p.name} added`);
    for (const p of c.propertiesRemoved) keys.add(`${name}.${p.name} removed`);
    for (const p of c.madeRequired) keys.add(`${name}.${p} made-required`);
    for (const t of c.typeChanged) keys.add(`${name}.${t.name} type-changed ${t.from} -> ${t.to}`);
  }
  return keys;
}

function tableKeys(entries: readonly MigrationEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entries) {
    if (e.change === 'requirement') continue;
    if (e.change === 'renamed') {
      keys.add(`${e.definition}.${e.field} removed`);
      keys.add(`${e.definition}.${e.renamedTo} added`);
    } else if (e.change === 'type-changed') keys.add(`${e.definition}.${e.field} type-changed ${e.types!.from} -> ${e.types!.to}`);
    else keys.add(`${e.definition}.${e.field} ${e.change}`);
  }
  return keys;
}

describe('migration table', () => {
  it.each(pairs)('lists exactly the schema changes of tracked definitions from %s to %s', (from, to) => {
    const entries = MIGRATION_TABLE.filter((e) => e.from === from && e.to === to);
    expect([...tableKeys(entries)].sort()).toEqual([...schemaChanges(from, to)].sort());
  });

  it('uses only adjacent pairs, and gives every entry an action, an explanation and a spec link', () => {
    const adjacent = new Set(pairs.map(([a, b]) => `${a} ${b}`));
    for (const e of MIGRATION_TABLE) {
      expect(adjacent.has(`${e.from} ${e.to}`), `${e.definition}.${e.field}`).toBe(true);
      expect(e.explain.length).toBeGreaterThan(10);
      expect(e.explain).not.toContain('\n');
      expect(e.see).toMatch(new RegExp(`^https://modelcontextprotocol\\.io/specification/${e.to}/`));
      if (e.change === 'requirement') expect(e.check).toBeDefined();
      if (e.change === 'renamed') expect(e.renamedTo).toBeDefined();
      // A field removed going up, or added going down, cannot be kept silently.
      if (e.scope === 'manifest' && e.change === 'removed') expect(e.upgrade).not.toBe('none');
      if (e.scope === 'manifest' && e.change === 'added') expect(e.downgrade).not.toBe('none');
    }
  });

  it("names only fields that mcpgen's manifest schema knows, for the objects a manifest declares", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'manifest.schema.json'), 'utf8')) as { definitions: Record<string, { properties?: object }> };
    for (const e of MIGRATION_TABLE) {
      if (e.scope !== 'manifest' || !e.field || e.change === 'requirement') continue;
      const def = schema.definitions[e.definition];
      if (!def) continue; // ToolAnnotations, PromptArgument: nested inline in the manifest schema
      expect(Object.keys(def.properties ?? {}), `${e.definition}.${e.field}`).toContain(e.field);
    }
  });

  it('composes: several revisions in one step are the adjacent steps in order, and a downgrade reverses them', () => {
    const first = revisions[0]!;
    const last = '2026-07-28';
    const oneStep = planMigration(first, last);
    const chained = pairs.filter(([, b]) => revisions.indexOf(b) <= revisions.indexOf(last)).flatMap(([a, b]) => planMigration(a, b));
    expect(oneStep).toEqual(chained);
    expect(oneStep.length).toBeGreaterThan(30);
    const down = planMigration(last, first);
    expect(down.map((s) => s.entry)).toEqual([...oneStep].reverse().map((s) => s.entry));
    expect(down.every((s) => s.action === s.entry.downgrade && s.direction === 'downgrade')).toBe(true);
    expect(planMigration(last, last)).toEqual([]);
  });

  it('refuses an unknown revision with a located error', () => {
    expect(() => planMigration('2024-11-05', '2030-01-01')).toThrow(/Unknown MCP revision "2030-01-01"/);
  });
});
