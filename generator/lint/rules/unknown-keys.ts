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
import { listRevisions, type Dialect } from '../../spec/revisions.js';
import { isJsonObject, type SchemaObject, type SchemaPath } from '../checks/schema-walk.js';
import { schemaIndex } from '../checks/schema-index.js';
import { ObjectMemo } from '../../pipeline/run-memos.js';
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
  /** How messages name the object, and where it is: made only for a finding (most objects have none). */
  place(): { label: string; pointer: string };
  value: Record<string, unknown>;
}

/** Every object of the manifest whose keys a definition fixes. */
function objects(ctx: LintContext): ObjectAt[] {
  const m = ctx.loaded.manifest;
  const out: ObjectAt[] = [];
  if (isJsonObject(m.server)) out.push({ definition: 'Implementation', place: () => ({ label: 'server', pointer: '/server' }), value: m.server });
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
      const pointer = (): string => joinPointer('/' + section, i);
      out.push({ definition, place: () => ({ label: `${label} ${describeName(item.name, section, i)}`, pointer: pointer() }), value: item });
      if (section === 'tools' && isJsonObject(item.annotations)) {
        out.push({ definition: 'ToolAnnotations', place: () => ({ label: 'tool annotations', pointer: joinPointer(pointer(), 'annotations') }), value: item.annotations });
      }
      if (section === 'prompts' && Array.isArray(item.arguments)) {
        item.arguments.forEach((arg: unknown, j: number) => {
          if (isJsonObject(arg)) out.push({ definition: 'PromptArgument', place: () => ({ label: 'prompt argument', pointer: joinPointer(pointer(), 'arguments', j) }), value: arg });
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
        const { label, pointer } = obj.place();
        out.push({
          code: 'manifest/unknown-key',
          severity: suggestion ? 'error' : 'warning',
          message: `Unknown key "${key}" on ${label}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          hint: suggestion
            ? `Rename it to "${suggestion}"; as written it is ignored.`
            : `Known keys of ${obj.definition}: ${[...all].sort().join(', ')}.`,
          pointer: joinPointer(pointer, key),
          atKey: true,
        });
      }
    }
    ctx.loaded.manifest.tools.forEach((tool, i) => {
      if (!isJsonObject(tool)) return;
      for (const key of ['inputSchema', 'outputSchema'] as const) {
        const schema = tool[key];
        if (!isJsonObject(schema)) continue;
        // The pointer is only made for a schema with a typo: most have none.
        for (const typo of keywordTypos(schema, ctx.spec.revision.dialect)) {
          out.push({
            code: 'tool-schema/unknown-keyword',
            message: `"${typo.key}" is not a JSON Schema keyword (${typo.dialect}). Did you mean "${typo.suggestion}"?`,
            hint: `Validators ignore unknown keywords, so this "${typo.suggestion}" constraint does nothing as written.`,
            pointer: joinPointer(joinPointer('/tools', i, key), ...typo.path, typo.key),
            atKey: true,
          });
        }
      }
    });
    return out;
  },
};

interface KeywordTypo {
  path: SchemaPath;
  key: string;
  dialect: Dialect;
  suggestion: string;
}

/**
 * Typos by schema object and default dialect, kept from run to run in
 * `generate --watch` (run-memos.ts): an unchanged tool's schema is the
 * same object in the next run, so a one-tool edit looks at that tool only.
 */
const typosBySchema = new ObjectMemo<SchemaObject, { defaultDialect: Dialect; typos: readonly KeywordTypo[] }>();

/** Misspelt keywords in one tool schema. */
function keywordTypos(schema: SchemaObject, defaultDialect: Dialect): readonly KeywordTypo[] {
  const known = typosBySchema.get(schema);
  if (known?.defaultDialect === defaultDialect) return known.typos;
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const dialect = /draft-07/.test(declared) ? 'draft-07' : /2020-12/.test(declared) ? '2020-12' : defaultDialect;
  const keywords = SCHEMA_KEYWORDS[dialect];
  const typos: KeywordTypo[] = [];
  // The keys of every schema node that could be misspelt keywords, from the run's shared index (schema-index.ts).
  for (const { path, key } of schemaIndex(schema).keywordCandidates) {
    if (keywords.has(key)) continue;
    const suggestion = closestMatch(key, keywords);
    if (suggestion) typos.push({ path, key, dialect, suggestion });
  }
  typosBySchema.set(schema, { defaultDialect, typos });
  return typos;
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
