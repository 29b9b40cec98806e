/**
 * The config with targets, in every format, through the real CLI: `mcpgen
 * generate` with no flags runs every target; errors are located (line:col in
 * JSON/YAML, a path in TS); lint reads the config; flags override it.
 */
import { existsSync, readFileSync, readdirSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/run-cli.js';
import { writeFiles } from '../helpers/write-files.js';
import { repoRoot } from '../helpers/paths.js';

const MANIFEST = `server: { name: demo, version: 1.0.0 }
tools:
  - name: echo
    description: Echo a text.
    inputSchema: { $ref: ./schemas/echo.json }
`;
const ECHO = JSON.stringify({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });

/** A project folder with the manifest and `mcpgen` resolvable (as after `npm install mcpgen`). */
function project(files: Record<string, string>): string {
  const dir = writeFiles({ 'mcp.yaml': MANIFEST, 'schemas/echo.json': ECHO, ...files });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'node_modules', 'mcpgen'), 'dir');
  return dir;
}

const TARGETS = {
  manifests: ['mcp.yaml'],
  targets: {
    'gen/a': { revision: '2025-11-25', emit: ['manifest'] },
    'gen/b': { revision: ['2025-06-18', '2026-07-28'], emit: ['manifest'] },
  },
};

const revisionOf = (dir: string, out: string): string => JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')).revision;

describe('config with targets', () => {
  const formats: Record<string, string> = {
    'mcpgen.config.ts': `import { defineConfig } from 'mcpgen';\nconst revision: string = '2025-11-25';\nexport default defineConfig({ manifests: ['mcp.yaml'], targets: { 'gen/a': { revision, emit: ['manifest'] }, 'gen/b': { revision: ['2025-06-18', '2026-07-28'], emit: ['manifest'] } } });\n`,
    'mcpgen.config.mjs': `import { defineConfig } from 'mcpgen';\nexport default defineConfig(${JSON.stringify(TARGETS)});\n`,
    'mcpgen.config.json': JSON.stringify(TARGETS, null, 2),
    'mcpgen.config.yaml': `manifests: [mcp.yaml]\ntargets:\n  gen/a: { revision: 2025-11-25, emit: [manifest] }\n  gen/b:\n    revision: [2025-06-18, 2026-07-28]\n    emit: [manifest]\n`,
  };
  for (const [file, text] of Object.entries(formats)) {
    it(`runs every target of ${file} with no flags`, () => {
      const dir = project({ [file]: text });
      const r = runCliProcess(['generate'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(revisionOf(dir, 'gen/a')).toBe('2025-11-25');
      expect(revisionOf(dir, 'gen/b/2025-06-18')).toBe('2025-06-18');
      expect(revisionOf(dir, 'gen/b/2026-07-28')).toBe('2026-07-28');
      expect(r.stdout).toContain('gen/b/2026-07-28: changed 2 files');
      // No temporary compiled config is left behind.
      expect(readdir(dir)).toEqual(['gen', 'mcp.yaml', file, 'node_modules', 'schemas'].sort());
    });
  }

  it('searches .ts before .mjs, .json and .yaml, and --config overrides', () => {
    const dir = project({
      'mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], targets: { json: { emit: ['manifest'] } } }),
      'mcpgen.config.mjs': `export default { manifests: ['mcp.yaml'], targets: { mjs: { emit: ['manifest'] } } };\n`,
    });
    expect(runCliProcess(['generate'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'mjs', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'json'))).toBe(false);
    expect(runCliProcess(['generate', '--config', 'mcpgen.config.json'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'json', 'manifest.json'))).toBe(true);
  });

  it('locates schema errors at line:col in JSON and YAML', () => {
    const json = project({
      'mcpgen.config.json': '{\n  "manifests": ["mcp.yaml"],\n  "targets": {\n    "gen/a": { "emit": ["manifest"], "revison": "2025-11-25" }\n  }\n}\n',
    });
    const r = runCliProcess(['generate'], { cwd: json });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mcpgen.config.json:4:38  error  config/invalid  targets["gen/a"]: unknown key "revison". Did you mean "revision"?');
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const yaml = project({ 'mcpgen.config.yaml': 'manifests: [mcp.yaml]\ntargets:\n  gen/a:\n    emit:\n      - manifest\n      - 42\n' });
    const y = runCliProcess(['generate'], { cwd: yaml });
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('mcpgen.config.yaml:6:9  error  config/invalid  targets["gen/a"].emit[1]: must be an emitter name');
  });

  it('names the path of an error in a TS config, and locates TS syntax errors', () => {
    const dir = project({
      'mcpgen.config.ts': `export default { manifests: ['mcp.yaml'], targets: { 'gen/server': { emit: ['manifest', 'sever'] } } };\n`,
    });
    const r = runCliProcess(['generate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('targets["gen/server"].emit[1]: unknown emitter "sever".');
    const bad = project({ 'mcpgen.config.ts': `export default {\n  targets: { a: { emit: ['manifest'] } ,\n};\n` });
    const b = runCliProcess(['generate'], { cwd: bad });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/mcpgen\.config\.ts:3:\d+  error  config\/load-failed/);
    const throws = project({ 'mcpgen.config.mjs': `throw new Error('boom');\n` });
    const t = runCliProcess(['generate'], { cwd: throws });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('failed to load: boom');
  });

  it('locates an unknown revision in the config', () => {
    const dir = project({ 'mcpgen.config.yaml': 'manifests: [mcp.yaml]\ntargets:\n  a: { emit: [manifest], revision: [2025-11-25, 2030-01-01] }\n' });
    const r = runCliProcess(['generate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mcpgen.config.yaml:3:49  error  spec/unknown-revision  targets.a.revision[1]: unknown MCP revision "2030-01-01".');
  });

  it('command-line flags override the config for one run; --target picks targets', () => {
    const dir = project({ 'mcpgen.config.json': JSON.stringify(TARGETS) });
    expect(runCliProcess(['generate', '--target', 'gen/a', '--revision', '2025-06-18'], { cwd: dir }).code).toBe(0);
    expect(revisionOf(dir, 'gen/a')).toBe('2025-06-18');
    expect(existsSync(join(dir, 'gen/b'))).toBe(false);
    const latest = runCliProcess(['generate', '--target', 'gen/a', '--revision', 'latest'], { cwd: dir });
    expect(latest.stderr).toContain('--revision latest is 2026-07-28');
    expect(revisionOf(dir, 'gen/a')).toBe('2026-07-28');
    // --out runs one folder; a config target for that folder lends its emitters.
    const out = runCliProcess(['generate', '--out', 'elsewhere'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere', 'manifest.json'))).toBe(true);
    const unknown = runCliProcess(['generate', '--target', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No target "nope" in the config.');
  });

  it('check reads the config: clean after a run, stale after a manifest edit', () => {
    const dir = project({ 'mcpgen.config.json': JSON.stringify(TARGETS) });
    expect(runCliProcess(['generate'], { cwd: dir }).code).toBe(0);
    expect(runCliProcess(['generate', '--check'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'mcp.yaml'), MANIFEST.replace('Echo a text.', 'Echo.'));
    const stale = runCliProcess(['generate', '--check'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('output/stale');
  });
});

describe('lint reads the config', () => {
  it("lints every target's manifests at each revision when no file is named", () => {
    const dir = project({
      'mcpgen.config.yaml': 'manifests: [mcp.yaml]\ntargets:\n  a: { emit: [manifest], revision: [2025-06-18, 2025-11-25] }\n',
      'mcp.yaml': MANIFEST + '    icons: [{ src: "https://x.example/i.png" }]\n',
    });
    const r = runCliProcess(['lint', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code);
    // icons exist only from 2025-11-25: the 2025-06-18 run warns.
    expect(codes).toContain('revision/field-unsupported');
    const broken = project({ 'mcpgen.config.yaml': 'manifests: [mcp.yaml]\ntargets:\n  a: { emit: [manifest] }\n', 'mcp.yaml': 'tools:\n  - name: a b\n    inputSchema: { type: object }\n' });
    expect(runCliProcess(['lint'], { cwd: broken }).code).toBe(1);
    const none = writeFiles({});
    const usage = runCliProcess(['lint'], { cwd: none });
    expect(usage.code).toBe(2);
  });

  it('publishes the config schema as mcpgen/config.schema.json', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./config.schema.json']).toBe('./schema/config.schema.json');
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'config.schema.json'), 'utf8'));
    expect(schema.properties.targets.additionalProperties.$ref).toBe('#/definitions/target');
  });
});

function readdir(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe('refRoots: folders file $refs may reach besides the manifest folder', () => {
  const manifest = `server: { name: demo, version: 1.0.0 }
tools:
  - name: echo
    inputSchema: { $ref: ../shared/echo.json }
`;
  const files = { 'app/mcp.yaml': manifest, 'shared/echo.json': ECHO };

  it('without refRoots a $ref out of the manifest folder is refused, located; lint says the same', () => {
    const dir = writeFiles({ ...files, 'app/mcpgen.config.json': JSON.stringify({ manifests: ['mcp.yaml'], targets: { out: { emit: ['manifest'] } } }) });
    const r = runCliProcess(['generate'], { cwd: join(dir, 'app') });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/mcp\.yaml:4:\d+.*load\/ref-outside-project/s);
    const lint = runCliProcess(['lint'], { cwd: join(dir, 'app') });
    expect(lint.code).toBe(2);
    expect(lint.stderr + lint.stdout).toContain('load/ref-outside-project');
  });

  it('with refRoots naming the shared folder, generate and lint both resolve it', () => {
    const config = { manifests: ['mcp.yaml'], refRoots: ['../shared'], targets: { out: { emit: ['manifest'] } } };
    const dir = writeFiles({ ...files, 'app/mcpgen.config.json': JSON.stringify(config) });
    const r = runCliProcess(['generate'], { cwd: join(dir, 'app') });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'app', 'out', 'manifest.json'), 'utf8')) as { tools: { inputSchema: unknown }[] };
    expect(written.tools[0]!.inputSchema).toEqual(JSON.parse(ECHO));
    expect(runCliProcess(['lint'], { cwd: join(dir, 'app') }).code).toBe(0);
  });
});
