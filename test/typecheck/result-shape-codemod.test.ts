/**
 * migrate --write --package below 2025-06-18: handler results that carry
 * structuredContent become a JSON text content block where that is
 * mechanical; anything else stays a decision for the user.
 */
import { cpSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../generator/cli/run-cli.js';
import { memoryIo } from '../helpers/memory-io.js';
import { samplesDir, tempDir } from '../helpers/paths.js';

function workspace(handler: string): { dir: string; handlerFile: string } {
  const dir = tempDir('mcpgen-result-shape-');
  cpSync(join(samplesDir, 'weather', 'mcp.yaml'), join(dir, 'mcp.yaml'));
  cpSync(join(samplesDir, 'weather', 'schemas'), join(dir, 'schemas'), { recursive: true });
  const tools = join(dir, 'server', 'src', 'handlers', 'tools');
  mkdirSync(tools, { recursive: true });
  writeFileSync(join(dir, 'server', 'tsconfig.json'), '{ "include": ["src"] }\n');
  const handlerFile = join(tools, 'getForecast.ts');
  writeFileSync(handlerFile, handler);
  return { dir, handlerFile };
}

async function migrate(dir: string) {
  const io = memoryIo();
  const code = await runCli(['migrate', join(dir, 'mcp.yaml'), '--to', '2025-03-26', '--write', '--package', join(dir, 'server')], io);
  return { code, out: io.stdout() + io.stderr() };
}

describe('result-shape codemod', () => {
  it('rewrites structuredContent-only results, evaluating the value once, and the decision is gone', async () => {
    const { dir, handlerFile } = workspace(`import type { GetForecastHandler } from '../../generated/types.js';

export const handler: GetForecastHandler = async (input) => {
  if (input.days === 0) return { structuredContent: { location: 'here', days: [] } };
  const structuredContent = await lookup(input.latitude);
  return { structuredContent, isError: false };
};

declare function lookup(lat: number): Promise<{ location: string; days: [] }>;
`);
    const r = await migrate(dir);
    expect(r.out).not.toContain('migrate/requires-input');
    expect(r.out).toContain('migrate/handler-rewritten');
    expect(r.code).toBe(0);
    const text = readFileSync(handlerFile, 'utf8');
    expect(text).toContain("return { content: [{ type: 'text', text: JSON.stringify({ location: 'here', days: [] }) }] };");
    expect(text).toContain("return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], isError: false };");
    expect(text).not.toMatch(/structuredContent[,:]\s/);
    expect(text).toContain('declare function lookup');
  });

  it('leaves a result with a spread or with content for a human (exit 1), located in the handler', async () => {
    const original = `import type { GetForecastHandler } from '../../generated/types.js';

const base = { isError: false };
export const handler: GetForecastHandler = async () => ({ ...base, structuredContent: { location: 'x', days: [] } });
`;
    const { dir, handlerFile } = workspace(original);
    const r = await migrate(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/getForecast\.ts:4:57 {2}warning {2}migrate\/requires-input {2}tool "get_forecast": this result has structuredContent/);
    expect(readFileSync(handlerFile, 'utf8')).toBe(original);
  });
});
