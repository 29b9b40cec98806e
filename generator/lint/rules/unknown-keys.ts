/**
 * Typos get "did you mean": a key on a tool, resource, template, prompt,
 * prompt argument, tool annotations or the server info that no revision's
 * definition has is reported at the key, with the closest known key; inside
 * tool schemas, a key that is not a keyword of the dialect but is close to
 * one (`requried`, `minLenght`) is a warning with the suggestion.
 *
 * Data-driven: the known keys of each object kind come from the official
 * definitions of the revisions (read at run time), plus the table
 * EXTRA_KEYS of keys mcpgen itself accepts on an object. A feature that adds
 * a manifest key adds it there.
 */
import { closestMatch } from '../../diagnostics/did-you-mean.js';
import { SCHEMA_KEYWORDS } from '../../json-schema/keywords.js';
import { definitionFields } from '../../ir/revision-adapter.js';
import { joinPointer } from '../../load/json-pointer.js';
import { TOOL_MCPGEN_KEYS } from '../../load/manifest-types.js';
import { listRevisions } from '../../spec/revisions.js';
import { isJsonObject } from '../checks/schema-walk.js';
import { schemaIndex } from '../checks/schema-index.js';
import type { Finding, LintContext, LintRule } from '../rule.js';

/** Keys mcpgen accepts on an object beyond its spec definition, by definition name. */
export const EXTRA_KEYS: Record<string, readonly string[]> = {
  Tool: TOOL_MCPGEN_KEYS,
  ToolAnnotations: [],
  Resource: [],
  ResourceTemplate: [],
  Prompt: [],
  PromptArgument: [],
  Implementation: [],
};

interface ObjectAt {
  definition: string;
  /** How messages name the object. */
  label: string;
  pointer: string;
  value: Record<string, unknown>;
}

/** Every object of the manifest whose keys a definition fixes. */
function objects(ctx: LintContext): ObjectAt[] {
  const m = ctx.loaded.manifest;
  const out: ObjectAt[] = [];
  if (isJsonObject(m.server)) out.push({ definition: 'Implementation', label: 'server', pointer: '/server', value: m.server });
  const sections: [keyof typeof m & string, string, string][] = [
    ['tools', 'Tool', 'tool'],
    ['resources', 'Resource', 'resource'],
    ['resourceTemplates', 'ResourceTemplate', 'resource template'],
    ['prompts', 'Prompt', 'prompt'],
  ];
  for (const [section, definition, label] of sections) {
    const items = m[section];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i: number) => {
      if (!isJsonObject(item)) return;
      const pointer = joinPointer('/' + section, i);
      out.push({ definition, label: `${label} ${describeName(item.name, section, i)}`, pointer, value: item });
      if (section === 'tools' && isJsonObject(item.annotations)) {
        out.push({ definition: 'ToolAnnotations', label: 'tool annotations', pointer: joinPointer(pointer, 'annotations'), value: item.annotations });
      }
      if (section === 'prompts' && Array.isArray(item.arguments)) {
        item.arguments.forEach((arg: unknown, j: number) => {
          if (isJsonObject(arg)) out.push({ definition: 'PromptArgument', label: 'prompt argument', pointer: joinPointer(pointer, 'arguments', j), value: arg });
        });
      }
    });
  }
  return out;
}

export const unknownKeysRule: LintRule = {
  id: 'unknown-keys',
  codes: {
    'manifest/unknown-key': {
      severity: 'warning',
      title: 'Key no revision defines',
      cause: 'An object has a key that no MCP revision defines for it; close to a known key it is almost surely a typo (an error then), and it is never generated.',
      fix: 'Fix the spelling as suggested, or remove the key.',
    },
    'tool-schema/unknown-keyword': {
      severity: 'warning',
      title: 'Misspelt JSON Schema keyword',
      cause: 'A key in a tool schema is not a keyword of its dialect but is close to one; validators ignore unknown keys, so the constraint silently does nothing.',
      fix: 'Fix the spelling as suggested.',
    },
  },
  check(ctx) {
    const out: Finding[] = [];
    const known = knownKeys(ctx);
    for (const obj of objects(ctx)) {
      const target = definitionFields(ctx.spec, obj.definition);
      if (!target) continue;
      for (const key of Object.keys(obj.value)) {
        if (target.has(key) || EXTRA_KEYS[obj.definition]?.includes(key)) continue;
        const all = known(obj.definition);
        if (all.has(key)) continue; // another revision has it: the revision-fields rule says so
        const suggestion = closestMatch(key, all);
        out.push({
          code: 'manifest/unknown-key',
          severity: suggestion ? 'error' : 'warning',
          message: `Unknown key "${key}" on ${obj.label}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          hint: suggestion
            ? `Rename it to "${suggestion}"; as written it is ignored.`
            : `Known keys of ${obj.definition}: ${[...all].sort().join(', ')}.`,
          pointer: joinPointer(obj.pointer, key),
          atKey: true,
        });
      }
    }
    ctx.loaded.manifest.tools.forEach((tool, i) => {
      if (!isJsonObject(tool)) return;
      for (const key of ['inputSchema', 'outputSchema'] as const) {
        out.push(...schemaKeywordTypos(tool[key], joinPointer('/tools', i, key), ctx.spec.revision.dialect));
      }
    });
    return out;
  },
};

/** Misspelt keywords in one tool schema. */
export function schemaKeywordTypos(schema: unknown, pointer: string, defaultDialect: 'draft-07' | '2020-12'): Finding[] {
  if (!isJsonObject(schema)) return [];
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const dialect = /draft-07/.test(declared) ? 'draft-07' : /2020-12/.test(declared) ? '2020-12' : defaultDialect;
  const keywords = SCHEMA_KEYWORDS[dialect];
  const out: Finding[] = [];
  // The keys of every schema node that could be misspelt keywords, from the run's shared index (schema-index.ts).
  for (const { path, key } of schemaIndex(schema).keywordCandidates) {
    if (keywords.has(key)) continue;
    const suggestion = closestMatch(key, keywords);
    if (!suggestion) continue;
    out.push({
      code: 'tool-schema/unknown-keyword',
      message: `"${key}" is not a JSON Schema keyword (${dialect}). Did you mean "${suggestion}"?`,
      hint: `Validators ignore unknown keywords, so this "${suggestion}" constraint does nothing as written.`,
      pointer: joinPointer(pointer, ...path, key),
      atKey: true,
    });
  }
  return out;
}

/** Keys of a definition in any revision whose schema is available (cached per run). */
function knownKeys(ctx: LintContext): (definition: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (definition) => {
    let keys = cache.get(definition);
    if (!keys) {
      keys = new Set([...(definitionFields(ctx.spec, definition) ?? []), ...(EXTRA_KEYS[definition] ?? [])]);
      for (const r of listRevisions()) {
        const other = r.id === ctx.spec.revision.id ? ctx.spec : ctx.otherSpec(r.id);
        for (const f of (other && definitionFields(other, definition)) ?? []) keys.add(f);
      }
      cache.set(definition, keys);
    }
    return keys;
  };
}

function describeName(name: unknown, section: string, index: number): string {
  return typeof name === 'string' && name ? JSON.stringify(name.length > 60 ? name.slice(0, 60) + '…' : name) : `${section}[${index}]`;
}
