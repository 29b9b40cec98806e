/**
 * `protocol` outputs for every revision: types.ts compiles under --strict,
 * validators.js loads as a self-contained ES module, every official example
 * passes its validator and typechecks as its type, and mutated examples are
 * rejected at the right JSON pointer.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitProtocol } from '../../generator/protocol/emit-protocol.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import { repoRoot, specDir, tempDir } from '../helpers/paths.js';

const REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28', 'draft'];
const WITH_EXAMPLES = ['2026-07-28', 'draft'];

interface ValidatorsModule {
  validate(name: string, value: unknown): { valid: boolean; errors?: { pointer: string; message: string; keyword: string }[] };
  validateMessage(message: unknown): { valid: boolean; errors?: { pointer: string; message: string; keyword: string }[] };
  methods: Record<string, { definition: string; kind: string }>;
  [guard: string]: unknown;
}

const out = tempDir('mcpgen-protocol-');
const modules = new Map<string, ValidatorsModule>();

/** Every official example: definition name (folder) → [file, instance]. */
function examples(revision: string): { definition: string; file: string; value: unknown }[] {
  const dir = join(specDir(), revision, 'examples');
  return readdirSync(dir)
    .sort()
    .flatMap((definition) =>
      readdirSync(join(dir, definition))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((file) => ({ definition, file, value: JSON.parse(readFileSync(join(dir, definition, file), 'utf8')) as unknown })),
    );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

beforeAll(async () => {
  for (const revision of REVISIONS) {
    const result = await emitProtocol({ revision, out: join(out, revision), emit: ['types', 'validators'] });
    expect(result.exitCode).toBe(0);
    modules.set(revision, (await import(pathToFileURL(join(out, revision, 'validators.js')).href)) as ValidatorsModule);
  }
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('types.ts', () => {
  it.each(REVISIONS)('%s: exports exactly one type per definition, named after it', (revision) => {
    const source = readFileSync(join(out, revision, 'types.ts'), 'utf8');
    const names = Object.keys(loadSpec(revision).definitions);
    const exported = [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);
    const maps = exported.filter((n) => /^(Client|Server)(Request|Notification)Map$/.test(n));
    expect(exported.filter((n) => !maps.includes(n)).sort()).toEqual([...names].sort());
    expect(new Set(exported).size).toBe(exported.length);
    for (const name of names) expect(source).not.toMatch(new RegExp(`\\b${name}\\d+\\b`)); // no Annotations1-style duplicates
    expect(source).toContain('export type EmptyResult = Result');
    expect(source).not.toContain('McpgenProtocolRoot');
  });

  it('keeps doc comments, and has no index signature where the schema does not allow extra properties', () => {
    const source = readFileSync(join(out, '2025-11-25', 'types.ts'), 'utf8');
    const tool = /export interface Tool \{[\s\S]*?\n\}/.exec(source)![0];
    expect(source).toMatch(/\/\*\*\n \* Definition for a tool the client can call\.\n \*\/\nexport interface Tool \{/);
    expect(tool).not.toMatch(/^  \[k: string\]/m);
    // Result declares additionalProperties: {} in the schema, so it keeps its index signature.
    const result = /export interface Result \{[\s\S]*?\n\}/.exec(source)![0];
    expect(result).toMatch(/^  \[k: string\]: unknown/m);
  });

  it('maps each client request method to its params and result', () => {
    const source = readFileSync(join(out, '2025-11-25', 'types.ts'), 'utf8');
    expect(source).toContain(`'tools/call': { params: CallToolRequest['params']; result: CallToolResult }`);
    expect(source).toContain(`ping: { params: PingRequest['params']; result: EmptyResult }`);
    expect(source).toMatch(/export interface ServerRequestMap \{[\s\S]*'sampling\/createMessage': \{ params: CreateMessageRequest\['params'\]; result: CreateMessageResult \}/);
  });

  it('compile under tsc --strict, together with every official example typed as its definition', () => {
    const files: string[] = [];
    for (const revision of REVISIONS) {
      files.push(join(out, revision, 'types.ts'), join(out, revision, 'validators.d.ts'));
      if (!WITH_EXAMPLES.includes(revision)) continue;
      const lines = [`import type * as T from './types.js';`];
      const definitions = loadSpec(revision).definitions;
      examples(revision).forEach((e, i) => {
        const json = JSON.stringify(e.value, null, 2);
        lines.push(`// ${e.definition}/${e.file}`);
        // Types carry no index signature where the schema merely leaves extra
        // properties unspecified. An example that uses a property its
        // definition does not declare (ListRootsRequest's `id` in 2026-07-28)
        // is checked against `T & Record<string, unknown>`: declared properties
        // keep their exact types, the extra one is allowed, as the schema allows
        // it. Every other example gets the strict excess-property check.
        const declared = Object.keys((definitions[e.definition]!.properties as object | undefined) ?? {});
        const undeclared = isRecord(e.value) && Object.keys(e.value).some((k) => !declared.includes(k));
        if (undeclared && declared.length) lines.push(`export const example${i}: T.${e.definition} & Record<string, unknown> = ${json};`);
        else lines.push(`export const example${i}: T.${e.definition} = ${json};`);
      });
      const file = join(out, revision, 'examples-typecheck.ts');
      writeFileSync(file, lines.join('\n') + '\n');
      files.push(file);
    }
    const tsc = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', ...files],
      { encoding: 'utf8', cwd: out },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});

describe('validators.js', () => {
  it.each(REVISIONS)('%s: is a self-contained ES module with no require and no global-shadowing binding', (revision) => {
    const source = readFileSync(join(out, revision, 'validators.js'), 'utf8');
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\b(?:const|let|var|function|class)\s+(?:Error|Request)\b/);
    const mod = modules.get(revision)!;
    for (const name of Object.keys(loadSpec(revision).definitions)) expect(typeof mod[`is${name}`]).toBe('function');
  });

  it.each(WITH_EXAMPLES)('%s: every official example passes its validator', (revision) => {
    const mod = modules.get(revision)!;
    const list = examples(revision);
    expect(list.length).toBeGreaterThan(80);
    const failures = list
      .map((e) => ({ at: `${e.definition}/${e.file}`, result: mod.validate(e.definition, e.value) }))
      .filter((r) => !r.result.valid);
    expect(failures).toEqual([]);
    for (const e of list) expect((mod[`is${e.definition}`] as (v: unknown) => boolean)(e.value)).toBe(true);
  });

  it.each(WITH_EXAMPLES)('%s: official messages pass validateMessage, checked as their own definition', (revision) => {
    const mod = modules.get(revision)!;
    for (const e of examples(revision)) {
      const method = (e.value as { method?: unknown }).method;
      if (typeof method !== 'string' || mod.methods[method]?.definition !== e.definition) continue;
      expect(mod.validateMessage(e.value), `${e.definition}/${e.file}`).toEqual({ valid: true });
    }
    expect(mod.methods['tools/call']).toEqual({ definition: 'CallToolRequest', kind: 'request' });
  });

  describe.each(WITH_EXAMPLES)('%s: mutated examples are rejected at the spot', (revision) => {
    const call = () => structuredClone(examples(revision).find((e) => e.definition === 'CallToolRequest')!.value) as Record<string, any>;

    it('a required property removed', () => {
      const msg = call();
      delete msg.params.name;
      const result = modules.get(revision)!.validateMessage(msg);
      expect(result.valid).toBe(false);
      expect(result.errors![0]).toMatchObject({ pointer: '/params', keyword: 'required' });
      expect(result.errors![0]!.message).toContain("'name'");
    });

    it('a property of the wrong type', () => {
      const msg = call();
      msg.params.arguments = 'not an object';
      const result = modules.get(revision)!.validate('CallToolRequest', msg);
      expect(result.valid).toBe(false);
      expect(result.errors![0]).toMatchObject({ pointer: '/params/arguments', keyword: 'type' });
    });

    it('a wrong type deep inside a tool result', () => {
      const result = examples(revision).find((e) => e.definition === 'CallToolResult')!.value as Record<string, any>;
      const bad = structuredClone(result);
      bad.content[0].text = 42;
      const checked = modules.get(revision)!.validate('CallToolResult', bad);
      expect(checked.valid).toBe(false);
      expect(checked.errors!.map((e) => e.pointer)).toContain('/content/0/text');
    });

    it('an unknown method', () => {
      const msg = call();
      msg.method = 'tools/explode';
      expect(modules.get(revision)!.validateMessage(msg)).toEqual({
        valid: false,
        errors: [{ pointer: '/method', message: 'unknown method "tools/explode"', keyword: 'method' }],
      });
    });

    it('a tools/call message is checked as CallToolRequest, not as a generic request', () => {
      const msg = call();
      delete msg.params.name;
      const mod = modules.get(revision)!;
      expect(mod.validate('JSONRPCRequest', msg).valid).toBe(true);
      expect(mod.validateMessage(msg).valid).toBe(false);
    });
  });
});
