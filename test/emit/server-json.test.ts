/**
 * server.json for the MCP Registry and `mcpName` in package.json. The checks
 * below encode the required fields and patterns of the registry's published
 * server.json schema (2025-12-11, https://static.modelcontextprotocol.io/
 * schemas/2025-12-11/server.schema.json); the schema itself is not copied.
 */
import { emitContext } from '../../generator/emit/emit-context.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { serverJson } from '../../generator/emit/server/server-json.js';
import { serverEmitter } from '../../generator/emit/server/server-emitter.js';
import { loadSpec } from '../../generator/spec/load-spec.js';
import type { IR } from '../../generator/ir/model.js';
import { irOf } from '../helpers/docs-ir.js';
import { lintManifest } from '../helpers/lint-manifest.js';
import { samplesDir } from '../helpers/paths.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const KEY_VALUE = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, isSecret: { type: 'boolean' }, isRequired: { type: 'boolean' }, description: { type: 'string' } } };
/** What the registry's 2025-12-11 schema requires of a server.json, as we read it. */
const REGISTRY_RULES = {
  type: 'object',
  required: ['name', 'description', 'version'],
  properties: {
    $schema: { const: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json' },
    name: { type: 'string', pattern: '^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$', minLength: 3, maxLength: 200 },
    title: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: 'string', minLength: 1, maxLength: 100 },
    version: { type: 'string', maxLength: 255, not: { pattern: '[\\^~<>=*]|^latest$|(^|\\.)x(\\.|$)' } },
    websiteUrl: { type: 'string', format: 'uri' },
    repository: { type: 'object', required: ['url', 'source'], properties: { url: { type: 'string', format: 'uri' }, source: { type: 'string' } } },
    icons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['src'],
        properties: {
          src: { type: 'string', format: 'uri', maxLength: 255, pattern: '^https://' },
          mimeType: { enum: ['image/png', 'image/jpeg', 'image/jpg', 'image/svg+xml', 'image/webp'] },
          sizes: { type: 'array', items: { type: 'string', pattern: '^(\\d+x\\d+|any)$' } },
        },
      },
    },
    packages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['registryType', 'identifier', 'transport'],
        properties: {
          registryType: { const: 'npm' },
          identifier: { type: 'string', minLength: 1 },
          version: { type: 'string', minLength: 1, not: { const: 'latest' } },
          transport: { type: 'object', required: ['type'], properties: { type: { const: 'stdio' } } },
          environmentVariables: { type: 'array', items: KEY_VALUE },
          packageArguments: { type: 'array', items: { type: 'object', required: ['type', 'name'] } },
        },
      },
    },
    remotes: {
      type: 'array',
      items: { type: 'object', required: ['type', 'url'], properties: { type: { const: 'streamable-http' }, url: { type: 'string', pattern: '^https?://[^\\s]+$' } } },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(REGISTRY_RULES);

function expectValid(doc: unknown): void {
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
}

async function packageOf(ir: IR): Promise<Record<string, string>> {
  const files = await serverEmitter.emit(emitContext({ ir, spec: loadSpec(ir.revision.id), generatorVersion: '0.0.0-test' }));
  return Object.fromEntries(files.filter((f) => !f.path.startsWith('src/')).map((f) => [f.path, f.contents]));
}

describe('server.json', () => {
  it('the weather sample package carries server.json beside package.json, and mcpName is its name', () => {
    for (const revision of ['2025-11-25', '2026-07-28']) {
      const dir = join(samplesDir, 'weather', 'generated', revision);
      expect(existsSync(join(dir, 'server.json'))).toBe(true);
      const doc = JSON.parse(readFileSync(join(dir, 'server.json'), 'utf8'));
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expectValid(doc);
      expect(doc.name).toBe('io.github.example/weather-mcp');
      expect(pkg.mcpName).toBe(doc.name);
      expect(doc.packages[0]).toMatchObject({ registryType: 'npm', identifier: pkg.name, version: pkg.version, transport: { type: 'stdio' } });
      expect(doc.packages[0].environmentVariables).toEqual([{ name: 'WEATHER_API_KEY', description: "Key for the national weather service's API.", isRequired: true, isSecret: true }]);
      expect(doc.remotes).toEqual([{ type: 'streamable-http', url: 'https://weather.example.com/mcp' }]);
      // npx runs the package's bin; npm refuses to publish a private package.
      expect(pkg.bin).toEqual({ 'weather-mcp': 'dist/server.js' });
      expect(pkg.private).toBeUndefined();
    }
  });

  it('takes a given name, clips a long description, keeps only icons the registry accepts', async () => {
    const ir = irOf({
      server: {
        name: 'x',
        version: '2.0.0-beta.1',
        description: 'word '.repeat(40),
        icons: [{ src: 'https://x.example/i.png', mimeType: 'image/png', sizes: ['48x48'] }, { src: 'http://insecure/i.png' }, { src: 'https://x.example/i.gif', mimeType: 'image/gif', sizes: ['huge'] }],
      },
      publish: { name: 'com.example/x', url: 'https://x.example/mcp' },
    });
    const doc = serverJson(ir)!;
    expectValid(doc);
    expect(doc.name).toBe('com.example/x');
    expect((doc.description as string).length).toBe(100);
    expect(doc.description).toMatch(/…$/);
    expect(doc.icons).toEqual([{ src: 'https://x.example/i.png', mimeType: 'image/png', sizes: ['48x48'] }, { src: 'https://x.example/i.gif' }]);
    expect(doc.repository).toBeUndefined();
    const files = await packageOf(ir);
    expect(JSON.parse(files['package.json']!).mcpName).toBe('com.example/x');
    expect(JSON.parse(files['server.json']!)).toEqual(doc);
  });

  it('is not written, and package.json stays private without mcpName, when no registry name is known', async () => {
    const ir = irOf({ server: { name: 'local', version: '1.0.0' }, publish: { repository: 'https://gitlab.com/a/b' } });
    expect(serverJson(ir)).toBeUndefined();
    const files = await packageOf(ir);
    expect(files['server.json']).toBeUndefined();
    const pkg = JSON.parse(files['package.json']!);
    expect(pkg.mcpName).toBeUndefined();
    expect(pkg.private).toBe(true);
  });
});

describe('lint: publish', () => {
  it('reports bad registry names, package names, URLs, env names and unknown keys where they are', () => {
    const result = lintManifest(
      [
        'server: { name: s, version: 1.0.0 }',
        'publish:',
        '  name: "not a name"',
        '  package: "Bad Name"',
        '  url: "ftp://x"',
        '  repo: https://github.com/a/b',
        '  environmentVariables:',
        '    - { name: "1BAD", isSecret: "yes", secret: true }',
      ].join('\n'),
    );
    const found = result.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '3:9 publish/invalid-name',
        '4:12 publish/invalid-package',
        '5:8 publish/invalid-url',
        '6:3 publish/unknown-key',
        '8:15 publish/invalid-env-name',
        '8:33 publish/wrong-type',
        '8:40 publish/unknown-key',
      ]),
    );
  });

  it('warns when no registry name can be derived, and when the description is too long for the registry', () => {
    const result = lintManifest(['server: { name: s, version: 1.0.0, description: "' + 'x'.repeat(101) + '" }', 'publish: { package: s }'].join('\n'));
    expect(result.map((d) => `${d.severity} ${d.code}`).sort()).toEqual(['warning publish/description-too-long', 'warning publish/no-registry-name']);
  });
});
