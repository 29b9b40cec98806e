/**
 * The tool-schema rule finds local `$ref`s outside subschema positions
 * without building a pointer per node. This checks it against the plain
 * definition (every object position that walkSchema does not visit, found by
 * a depth-first stack) on seeded random schemas, order included.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { joinPointer } from '../../generator/load/json-pointer.js';
import { walkSchema, walkSchemaPath, type SchemaObject } from '../../generator/lint/checks/schema-walk.js';
import { localRefsOutside } from '../../generator/lint/rules/tool-schemas.js';
import { findAnnotations } from '../../generator/lint/rules/x-mcp-header.js';
import { indexSchema, schemaIndexWork } from '../../generator/lint/checks/schema-index.js';
import { SCHEMA_KEYWORDS } from '../../generator/json-schema/keywords.js';
import { lint } from '../../generator/lint/lint.js';
import { benchManifest } from '../../bench/lint-bench.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sameValueCycles, sameValueCyclesOf } from '../../generator/lint/checks/same-value-cycles.js';

function reference(schema: SchemaObject): string[] {
  const visited = new Set<string>();
  walkSchema(schema, '', (_node, at) => visited.add(at));
  const found: string[] = [];
  const stack: [unknown, string, number][] = [[schema, '', 0]];
  while (stack.length) {
    const [value, at, depth] = stack.pop()!;
    if (depth > 256 || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, joinPointer(at, i), depth + 1]));
    else {
      const ref = (value as SchemaObject).$ref;
      if (!visited.has(at) && typeof ref === 'string' && ref.startsWith('#')) found.push(at);
      for (const [k, v] of Object.entries(value)) stack.push([v, joinPointer(at, k), depth + 1]);
    }
  }
  return found;
}

function randomSchema(seed: number): SchemaObject {
  let s = seed;
  const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor(s / 65536) % n);
  const keys = ['properties', 'items', 'allOf', 'anyOf', '$defs', 'not', 'default', 'enum', 'propertes', 'a/b', 'additionalProperties', 'x', '$ref', 'examples', 'required', '$anchor', '$id', '$schema', 'requird', 'x-typ', 'definitions', 'prefixItems', 'minLenght', 'x-mcp-header'];
  const gen = (depth: number): unknown => {
    const k = depth > 5 ? 3 + rand(2) : rand(5);
    if (k === 0) return Array.from({ length: rand(4) }, () => gen(depth + 1));
    if (k <= 2) {
      const o: Record<string, unknown> = {};
      for (let i = 1 + rand(5); i > 0; i--) o[keys[rand(keys.length)]!] = gen(depth + 1);
      if (rand(2) === 0) o.$ref = ['#/$defs/A', '#', '#A', 'other.json'][rand(4)]!;
      if (rand(6) === 0) o.$anchor = 'A';
      if (rand(8) === 0) o.$id = '#A';
      return o;
    }
    return rand(2) ? '#/x' : rand(10);
  };
  const root = gen(0);
  return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as SchemaObject) : { items: root };
}

describe('local $refs outside subschema positions', () => {
  it('are exactly those of the pointer-based definition, in the same order', () => {
    let total = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const schema = randomSchema(seed);
      const fast = localRefsOutside(schema).map(([, path]) => joinPointer('', ...path));
      expect(fast, JSON.stringify(schema)).toEqual(reference(schema));
      total += fast.length;
    }
    expect(total).toBeGreaterThan(100);
  });

  it('walkSchemaPath visits the nodes and pointers walkSchema does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const schema = randomSchema(seed);
      const a: string[] = [];
      const b: string[] = [];
      walkSchema(schema, '/base', (_n, at) => a.push(at));
      walkSchemaPath(schema, (_n, path) => b.push(joinPointer('/base', ...path)));
      expect(b).toEqual(a);
    }
  });

  it('one indexing pass collects what the separate walks did: nodes, paths, order, anchors, cycles, outside refs', () => {
    let notable = 0;
    let cycles = 0;
    let outside = 0;
    let keywordCandidates = 0;
    let headerUses = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const schema = randomSchema(seed);
      const index = indexSchema(schema);
      const nodes: { node: SchemaObject; path: string }[] = [];
      const candidates: string[] = [];
      const localRefs: string[] = [];
      const anchors = new Map<string, SchemaObject>();
      walkSchemaPath(schema, (node, path) => {
        const at = joinPointer('', ...path);
        if (typeof node.$ref === 'string' || node.$schema !== undefined || Array.isArray(node.required)) nodes.push({ node, path: at });
        if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) localRefs.push(at);
        if (typeof node.$anchor === 'string') anchors.set(node.$anchor, node);
        if (typeof node.$id === 'string' && node.$id.startsWith('#')) anchors.set(node.$id.slice(1), node);
        // What the unknown-keys rule looked at in its own walk, for either dialect.
        for (const key of Object.keys(node)) {
          const either = SCHEMA_KEYWORDS['draft-07'].has(key) && SCHEMA_KEYWORDS['2020-12'].has(key);
          if (!either && key.length >= 4 && !key.startsWith('x-')) candidates.push(joinPointer(at, key));
        }
      });
      const text = JSON.stringify(schema);
      expect(index.notable.map(({ node, path }) => ({ node, path: joinPointer('', ...path) })), text).toEqual(nodes);
      expect(index.notable.every(({ node }, i) => node === nodes[i]!.node), text).toBe(true);
      expect(index.localRefs.map(({ path }) => joinPointer('', ...path)), text).toEqual(localRefs);
      expect([...index.anchors], text).toEqual([...anchors]);
      expect([...index.anchors].every(([k, node]) => anchors.get(k) === node), text).toBe(true);
      expect(index.localRefsOutside, text).toBe(localRefsOutside(schema).length);
      expect(index.keywordCandidates.map(({ path, key }) => joinPointer('', ...path, key)), text).toEqual(candidates);
      const uses = findAnnotations(schema, '/base', []);
      expect(index.headerUses.map(({ path }) => joinPointer('/base', ...path)), text).toEqual(uses.map((u) => u.pointer));
      expect(index.headerUses.map(({ path }) => path), text).toEqual(uses.map((u) => u.path));
      expect(index.headerUses.every(({ node }, i) => node === uses[i]!.node), text).toBe(true);
      headerUses += uses.length;
      keywordCandidates += candidates.length;
      for (const dialect of ['draft-07', '2020-12'] as const) {
        const expected = sameValueCyclesOf(schema, dialect, index.localRefs, index.anchors, true).map(({ path }) => joinPointer('', ...path));
        expect(sameValueCyclesOf(schema, dialect, index.localRefs, index.anchors).map(({ path }) => joinPointer('', ...path)), text).toEqual(expected);
        expect(sameValueCycles(schema, dialect).map(({ path }) => joinPointer('', ...path)), text).toEqual(expected);
        cycles += expected.length;
      }
      notable += nodes.length;
      outside += index.localRefsOutside;
    }
    expect(notable).toBeGreaterThan(200);
    expect(cycles).toBeGreaterThan(20);
    expect(outside).toBeGreaterThan(100);
    expect(keywordCandidates).toBeGreaterThan(100);
    expect(headerUses).toBeGreaterThan(50);
  });

  it('each tool schema is indexed once per lint run, whichever rules read it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpgen-index-'));
    const file = join(dir, 'mcp.json');
    const manifest = benchManifest(20);
    // One misspelt keyword, found through the shared index, at its place.
    ((manifest.tools as Record<string, Record<string, Record<string, unknown>>>[])[3]!.inputSchema!.properties!.limit as Record<string, unknown>).maximun = 5;
    writeFileSync(file, JSON.stringify(manifest));
    const before = schemaIndexWork.indexed;
    const diagnostics = lint({ manifests: [file] }).diagnostics;
    // 20 input and 20 output schemas, read by the tool-schema and unknown-keys rules.
    expect(schemaIndexWork.indexed - before).toBe(40);
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([
      `tool-schema/unknown-keyword 1:${JSON.stringify(manifest).indexOf('"maximun"') + 1} "maximun" is not a JSON Schema keyword (2020-12). Did you mean "maximum"?`,
    ]);
  });
});
