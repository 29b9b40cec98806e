/**
 * Synthetic but realistic manifests for the server bench: each tool has an
 * input schema with strings (pattern, format), numbers with bounds, an enum,
 * an array of objects and a nested object; every other tool has an output
 * schema too.
 */
export interface BenchTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
}

export function benchTools(count: number): BenchTool[] {
  return Array.from({ length: count }, (_, i) => benchTool(i));
}

/**
 * Tool `i`. Every tool's schemas differ (property names, bounds, patterns,
 * enums and nesting vary with `i`), as they do in a real API wrapper, so no
 * per-schema cache or deduplication can make the generation bench cheap by
 * construction. Tool 0 keeps the plain names the call benches use.
 */
function benchTool(i: number): BenchTool {
  const v = i === 0 ? '' : `_${i.toString(36)}`;
  const sorts = ['relevance', 'newest', 'oldest', 'rating', 'distance'].slice(0, 3 + (i % 3));
  return {
    name: `tool_${i}_search_records`,
    description: `Searches records of collection ${i} by text, date range and tags; returns a page of results.`,
    inputSchema: {
      type: 'object',
      properties: {
        [`query${v}`]: { type: 'string', minLength: 1, maxLength: 200 + (i % 50), description: 'Full-text query.' },
        [`collection${v}`]: { type: 'string', pattern: `^[a-z][a-z0-9_-]{1,${31 + (i % 17)}}$` },
        limit: { type: 'integer', minimum: 1, maximum: 100 + (i % 100), default: 20 },
        sort: { type: 'string', enum: sorts },
        [`owner${v}`]: { type: 'string', format: 'email' },
        range: {
          type: 'object',
          properties: { [`from${v}`]: { type: 'string', format: 'date' }, [`to${v}`]: { type: 'string', format: 'date' } },
          additionalProperties: false,
        },
        tags: {
          type: 'array',
          items: { type: 'object', properties: { key: { type: 'string' }, [`value${v}`]: { type: i % 4 === 3 ? 'number' : 'string' } }, required: ['key'] },
          maxItems: 10 + (i % 5),
        },
        ...(i % 3 === 2 ? { [`flags${v}`]: { type: 'array', items: { type: 'boolean' }, uniqueItems: true } } : {}),
      },
      required: [`query${v}`],
      additionalProperties: false,
    },
    ...(i % 2 === 0
      ? {
          outputSchema: {
            type: 'object',
            properties: {
              total: { type: 'integer', minimum: 0 },
              items: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, [`score${v}`]: { type: 'number', maximum: 1 + (i % 10) } }, required: ['id'] },
              },
            },
            required: ['total', 'items'],
          },
        }
      : {}),
  };
}

export function benchManifest(count: number): string {
  return JSON.stringify({ server: { name: `bench-${count}`, version: '1.0.0' }, tools: benchTools(count) }, null, 2);
}

/** The bearer token both HTTP bench servers accept (subject `bench`, every scope). */
export const BENCH_TOKEN = 'bench-token';

/** The bench manifest with the auth a deployed server has: a scope for every request, one tool scope. */
export function benchManifestWithAuth(count: number): string {
  return JSON.stringify(
    {
      server: { name: `bench-http-${count}`, version: '1.0.0' },
      tools: benchTools(count),
      auth: {
        resource: 'http://127.0.0.1/mcp',
        authorizationServers: ['https://auth.example.com'],
        scopes: ['mcp', 'records:read'],
        requiredScopes: ['mcp'],
        toolScopes: { tool_0_search_records: ['records:read'] },
      },
    },
    null,
    2,
  );
}
