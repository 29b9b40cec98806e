/**
 * A server of more than 32 tools gets its validators as sections
 * (`validators/2020-12/part-NN.ts`, re-exported by `validators/2020-12.ts`
 * with Ajv's code for the schemas mcpgen's compiler leaves to Ajv): the
 * package compiles with tsc, and the official client over stdio sees every
 * section's validators at work (a valid call reaches its handler, an invalid
 * one is refused with the schema's message), and the Ajv-compiled one too.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/write-files.js';
import { buildPackages, generateServer, linkNodeModules } from './server-package.js';

const TOOLS = 40;
const tool = (i: number) => ({
  name: `t${i}`,
  description: `Tool ${i}.`,
  inputSchema: { type: 'object', properties: { n: { type: 'integer', minimum: i } }, required: ['n'], additionalProperties: false },
});
/** A default under a recursive $ref: left to Ajv by mcpgen's compiler (support.ts), so its code sits in the dialect module. */
const tree = {
  name: 'tree',
  description: 'A recursive node with a default.',
  inputSchema: {
    type: 'object',
    properties: { node: { $ref: '#/$defs/Node' } },
    $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' }, n: { type: 'integer', default: 1 } } } },
  },
};

describe('a generated server whose validators are split into sections', () => {
  let src: string;
  let dir: string;
  const validators = () => join(dir, 'src', 'generated', 'validators');

  beforeAll(() => {
    src = writeFiles({ 'mcp.json': JSON.stringify({ server: { name: 'sections', version: '1.0.0' }, tools: [...Array.from({ length: TOOLS }, (_, i) => tool(i)), tree] }) });
    dir = generateServer(join(src, 'mcp.json'), '2025-11-25');
    linkNodeModules(dir);
    for (let i = 0; i < TOOLS; i++) {
      writeFileSync(
        join(dir, 'src', 'handlers', 'tools', `t${i}.ts`),
        `import type { T${i}Handler } from '../../generated/types.js';\nexport const handler: T${i}Handler = async (input) => ({ content: [{ type: 'text', text: \`t${i}:\${input.n}\` }] });\n`,
      );
    }
    writeFileSync(
      join(dir, 'src', 'handlers', 'tools', 'tree.ts'),
      `import type { TreeHandler } from '../../generated/types.js';\nexport const handler: TreeHandler = async (input) => ({ content: [{ type: 'text', text: JSON.stringify(input) }] });\n`,
    );
    buildPackages(dir);
  }, 180_000);

  afterAll(() => {
    for (const d of [dir, src]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('has two sections and a dialect module holding Ajv’s code and the re-exports', () => {
    expect(readdirSync(join(validators(), '2020-12')).sort()).toEqual(['part-00.ts', 'part-01.ts']);
    const dialect = readFileSync(join(validators(), '2020-12.ts'), 'utf8');
    expect(dialect).toContain('export const treeInput = ');
    expect(dialect).toContain("export * from './2020-12/part-00.js';\nexport * from './2020-12/part-01.js';\n");
  });

  it('validates every section’s tools, and the Ajv-compiled one, for the official client', async () => {
    // One tool of each section.
    const sections = readdirSync(join(validators(), '2020-12')).sort();
    const picks = sections.map((p) => {
      const text = readFileSync(join(validators(), '2020-12', p), 'utf8');
      return Number(/export function t(\d+)Input\(/.exec(text)![1]);
    });
    expect(new Set(picks).size).toBe(2);
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(dir, 'dist', 'server.js'), '--stdio'], stderr: 'ignore' }));
    try {
      expect((await client.listTools()).tools).toHaveLength(TOOLS + 1);
      for (const i of picks) {
        expect(await client.callTool({ name: `t${i}`, arguments: { n: i + 1 } })).toMatchObject({ content: [{ type: 'text', text: `t${i}:${i + 1}` }] });
        const below = await client.callTool({ name: `t${i}`, arguments: { n: i - 1 } });
        expect(below.isError).toBe(true);
        expect(JSON.stringify(below.content)).toContain(`must be >= ${i}`);
        const extra = await client.callTool({ name: `t${i}`, arguments: { n: i, other: 1 } });
        expect(extra.isError).toBe(true);
      }
      const defaulted = await client.callTool({ name: 'tree', arguments: { node: { child: {} } } });
      expect(JSON.parse((defaulted.content as { text: string }[])[0]!.text)).toEqual({ node: { n: 1, child: { n: 1 } } });
      const wrong = await client.callTool({ name: 'tree', arguments: { node: { n: 'x' } } });
      expect(wrong.isError).toBe(true);
      expect(JSON.stringify(wrong.content)).toContain('must be integer');
    } finally {
      await client.close();
    }
  });
});
