/**
 * Two declared objects whose names differ but map to one TypeScript
 * identifier or file (`add_note` and `add-note` both become `addNote`,
 * `handlers/tools/addNote.ts`) are an error naming both places. Generation
 * would otherwise number one of them by manifest order, so swapping two
 * entries would silently rebind handlers.
 */
import { toCamelCase } from '../../ir/naming.js';
import { joinPointer } from '../../load/json-pointer.js';
import type { Finding, LintRule } from '../rule.js';

export const identifierCollisionsRule: LintRule = {
  id: 'identifier-collisions',
  codes: {
    'names/identifier-collision': {
      severity: 'error',
      title: 'Two names map to one identifier',
      cause: 'Generated code names each tool, resource, template and prompt by a camelCase identifier that is also a file name; two names that differ only in separators or case (`add_note`, `add-note`, `addNote`) would share it.',
      fix: 'Rename one of them so that they differ in letters or digits.',
    },
  },
  check({ loaded }) {
    const m = loaded.manifest;
    const out: Finding[] = [];
    // One scope, as in the IR: all kinds share the generated module namespace and folders.
    const seen = new Map<string, { name: string; pointer: string }>();
    const sections = ['tools', 'resources', 'resourceTemplates', 'prompts'] as const;
    for (const section of sections) {
      const items = m[section];
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, i: number) => {
        const name = item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
        if (typeof name !== 'string' || name === '') return;
        const identifier = toCamelCase(name.slice(0, 256)).toLowerCase();
        if (!identifier) return;
        const pointer = joinPointer('/' + section, i, 'name');
        const first = seen.get(identifier);
        if (!first) {
          seen.set(identifier, { name, pointer });
          return;
        }
        // An exact duplicate, or names equal but for case, are the names rule's findings; the
        // latter are numbered in the order of the names themselves, so manifest order does not matter.
        if (first.name.toLowerCase() === name.toLowerCase()) return;
        const where = loaded.sourceMap.locate(first.pointer);
        out.push({
          code: 'names/identifier-collision',
          message: `${JSON.stringify(name)} and ${JSON.stringify(first.name)}${where ? ` (${where.file}:${where.line}:${where.column})` : ''} map to the same identifier "${toCamelCase(name.slice(0, 256))}" and file name.`,
          pointer,
        });
      });
    }
    return out;
  },
};
