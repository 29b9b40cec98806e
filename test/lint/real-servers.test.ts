/**
 * Manifests captured from real servers' list results (test/fixtures/real-servers)
 * lint on every revision without a crash, with no errors, and report exactly
 * the fields each revision lacks, at the field's key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../generator/lint/lint.js';
import { listRevisions } from '../../generator/spec/revisions.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'real-servers');
const FIXTURES = ['server-everything.json', 'server-filesystem.json', 'server-filesystem-tools-list.json'];

/** Fields per object and revision, from the revisions doc ("Fields on the objects a manifest declares"). */
const BASE: Record<string, string[]> = {
  Tool: ['name', 'description', 'inputSchema'],
  Resource: ['uri', 'name', 'description', 'mimeType', 'annotations', 'size'],
  ResourceTemplate: ['uriTemplate', 'name', 'description', 'mimeType', 'annotations'],
  Prompt: ['name', 'description', 'arguments'],
  Implementation: ['name', 'version'],
};
const ADDED: Record<string, Record<string, string[]>> = {
  '2025-03-26': { Tool: ['annotations'] },
  '2025-06-18': { Tool: ['title', 'outputSchema', '_meta'], Resource: ['title', '_meta'], ResourceTemplate: ['title', '_meta'], Prompt: ['title', '_meta'], Implementation: ['title'] },
  '2025-11-25': { Tool: ['icons', 'execution'], Resource: ['icons'], ResourceTemplate: ['icons'], Prompt: ['icons'], Implementation: ['description', 'icons', 'websiteUrl'] },
};
const REMOVED: Record<string, Record<string, string[]>> = { '2026-07-28': { Tool: ['execution'] } };

function fieldsOf(definition: string, revision: string): Set<string> {
  const fields = new Set(BASE[definition]);
  for (const r of listRevisions()) {
    if (r.id > revision && r.id !== 'draft') break;
    for (const f of ADDED[r.id]?.[definition] ?? []) fields.add(f);
    for (const f of REMOVED[r.id]?.[definition] ?? []) fields.delete(f);
    if (r.id === revision) break;
  }
  return fields;
}

/** `Definition.field` for every field of the fixture that `revision` lacks. */
function expectedDropped(manifest: Record<string, unknown>, revision: string): string[] {
  const root = (manifest.result ?? manifest) as Record<string, unknown>;
  const out: string[] = [];
  const check = (definition: string, obj: Record<string, unknown>) => {
    const fields = fieldsOf(definition, revision);
    for (const k of Object.keys(obj)) if (!fields.has(k)) out.push(`${definition}.${k}`);
  };
  if (root.server) check('Implementation', root.server as Record<string, unknown>);
  const sections: [string, string][] = [['tools', 'Tool'], ['resources', 'Resource'], ['resourceTemplates', 'ResourceTemplate'], ['prompts', 'Prompt']];
  for (const [section, definition] of sections) for (const o of (root[section] ?? []) as Record<string, unknown>[]) check(definition, o);
  return out.sort();
}

describe.each(FIXTURES)('%s', (fixture) => {
  const file = join(dir, fixture);
  const text = readFileSync(file, 'utf8');
  const manifest = JSON.parse(text) as Record<string, unknown>;

  it.each(listRevisions().map((r) => r.id))('lints on %s with no error and the right dropped fields', (revision) => {
    const { diagnostics } = lint({ manifests: [file], revision });
    // A captured tools/list carries no server capabilities: a tool that requires
    // tasks is reported (its server would declare capabilities.tasks).
    const tasks = diagnostics.filter((d) => d.code === 'server/task-support-without-tasks');
    expect(tasks.length).toBe(revision === '2025-11-25' ? (text.match(/"taskSupport": "(optional|required)"/g) ?? []).length : 0);
    expect(diagnostics.filter((d) => d.severity === 'error' && d.code !== 'server/task-support-without-tasks')).toEqual([]);
    const dropped = diagnostics.filter((d) => d.code === 'revision/field-unsupported');
    const reported = dropped.map((d) => {
      const [, definition, field] = /^(\w+) has no "([^"]+)"/.exec(d.message)!;
      // The location is the field's key in the captured file.
      const line = text.split('\n')[d.location!.line - 1]!;
      expect(line.slice(d.location!.column - 1)).toMatch(new RegExp(`^"${field}"`));
      return `${definition}.${field}`;
    });
    expect(reported.sort()).toEqual(expectedDropped(manifest, revision));
  });

  it('flags title, annotations and outputSchema on 2024-11-05 where present', () => {
    const { diagnostics } = lint({ manifests: [file], revision: '2024-11-05' });
    const messages = diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('Tool has no "title" in revision 2024-11-05; it is left out. It was added in 2025-06-18.');
    expect(messages).toContain('Tool has no "annotations" in revision 2024-11-05; it is left out. It was added in 2025-03-26.');
    if (text.includes('"outputSchema"')) expect(messages).toContain('Tool has no "outputSchema" in revision 2024-11-05');
  });
});
