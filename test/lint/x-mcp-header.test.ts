/** x-mcp-header (rules/x-mcp-header.ts). */
import { describe, expect, it } from 'vitest';
import { at, lintManifest, messages } from '../helpers/lint-manifest.js';

/** Properties start on line 8; each property is one line at column 9, the annotation value position is given per test. */
function schema(props: string[], revision = '2026-07-28', extra = ''): string {
  return [
    `revision: ${revision}`,
    'tools:',
    '  - name: t',
    '    description: d',
    '    inputSchema:',
    '      type: object',
    '      properties:',
    ...props.map((p) => `        ${p}`),
    ...(extra ? extra.split('\n').map((l) => `      ${l}`) : []),
    '',
  ].join('\n');
}

describe('x-mcp-header', () => {
  it('accepts valid annotations on reachable primitive properties', () => {
    const d = lintManifest(
      schema([
        'region: { type: string, x-mcp-header: Region }',
        'count: { type: integer, minimum: 0, maximum: 9007199254740991, x-mcp-header: Count }',
        'dry: { type: boolean, x-mcp-header: Dry-Run }',
        'nested: { type: object, properties: { id: { type: string, x-mcp-header: Nested-Id } } }',
      ]),
    );
    expect(d).toEqual([]);
  });

  it('warns that the annotation has no effect before 2026-07-28', () => {
    const d = lintManifest(schema(['region: { type: string, x-mcp-header: Region }'], '2025-11-25'));
    expect(at(d, 'x-mcp-header/no-effect')).toEqual([['warning', 8, 33]]);
  });

  it('reports empty values and non-tokens (spaces, separators, CR/LF)', () => {
    const d = lintManifest(
      schema([
        'a: { type: string, x-mcp-header: "" }',
        'b: { type: string, x-mcp-header: "Has Space" }',
        'c: { type: string, x-mcp-header: "X\\r\\nInjected: 1" }',
        'd: { type: string, x-mcp-header: "a:b" }',
      ]),
    );
    expect(at(d, 'x-mcp-header/empty')).toEqual([['error', 8, 42]]);
    expect(at(d, 'x-mcp-header/not-a-token')).toEqual([['error', 9, 42], ['error', 10, 42], ['error', 11, 42]]);
    expect(messages(d, 'x-mcp-header/not-a-token')[1]).toContain('contains CR or LF');
  });

  it('reports names used twice, case-insensitively', () => {
    const d = lintManifest(schema(['a: { type: string, x-mcp-header: Region }', 'b: { type: string, x-mcp-header: REGION }']));
    expect(at(d, 'x-mcp-header/duplicate')).toEqual([['error', 9, 42]]);
  });

  it('reports number, object, array and union types, and a missing type', () => {
    const d = lintManifest(
      schema([
        'a: { type: number, x-mcp-header: A }',
        'b: { type: [string, "null"], x-mcp-header: B }',
        'c: { type: array, items: { type: string }, x-mcp-header: C }',
        'e: { x-mcp-header: E }',
      ]),
    );
    expect(at(d, 'x-mcp-header/wrong-type')).toEqual([['error', 8, 42], ['error', 9, 52], ['error', 10, 66], ['error', 11, 28]]);
  });

  it('reports integer bounds beyond ±(2^53−1) at the bound', () => {
    const d = lintManifest(schema(['n: { type: integer, minimum: -9007199254740992, x-mcp-header: N }']));
    expect(at(d, 'x-mcp-header/integer-out-of-range')).toEqual([['error', 8, 38]]);
  });

  it('reports annotations that are not reached through properties from the root', () => {
    const d = lintManifest(
      schema(
        ['list: { type: array, items: { type: string, x-mcp-header: Item } }'],
        '2026-07-28',
        'anyOf:\n  - properties: { x: { type: string, x-mcp-header: X } }\n$defs:\n  D: { type: string, x-mcp-header: D }',
      ),
    );
    expect(at(d, 'x-mcp-header/unreachable')).toEqual([['error', 8, 67], ['error', 10, 58], ['error', 12, 42]]);
  });

  it('warns when a likely-sensitive parameter is mirrored', () => {
    const d = lintManifest(
      schema(['apiKey: { type: string, x-mcp-header: Api-Key }', 'authorName: { type: string, x-mcp-header: Author }', 'x: { type: string, x-mcp-header: Session-Token }']),
    );
    expect(at(d, 'x-mcp-header/sensitive')).toEqual([['warning', 8, 47], ['warning', 10, 42]]);
  });
});
