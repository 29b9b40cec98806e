/**
 * The docs emitter: README.md and index.html from the IR, with every listed
 * piece of content, deterministic, revision-aware, safe whatever strings the
 * manifest holds, and with users' partials replacing the built-in ones.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderServerDocs, type DocsOptions } from '../../generator/emit/docs/docs-emitter.js';
import { markdownToHtml, splitAtHeadings } from '../../generator/emit/docs/markdown-html.js';
import { readUserPartials } from '../../generator/emit/docs/renderer.js';
import { McpgenError } from '../../generator/diagnostics/diagnostic.js';
import type { IR } from '../../generator/ir/model.js';
import { irOf } from '../helpers/docs-ir.js';
import { samplesDir } from '../helpers/paths.js';
import { writeFiles } from '../helpers/write-files.js';
import { EVIL, hostileManifest } from '../fixtures/docs/hostile.js';

const weather = join(samplesDir, 'weather', 'mcp.yaml');

async function docs(ir: IR, options: DocsOptions | Record<string, string> = {}): Promise<{ md: string; html: string; files: Record<string, string> }> {
  const opts: DocsOptions = 'templatesDir' in options || 'partials' in options ? (options as DocsOptions) : { partials: options as Record<string, string> };
  const files = Object.fromEntries((await renderServerDocs(ir, opts)).map((f) => [f.path, f.contents]));
  return { md: files['README.md']!, html: files['index.html']!, files };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('docs emitter: content', () => {
  it('documents the weather server: server facts, auth, tools, resources, templates, prompts', async () => {
    const { md } = await docs(irOf(weather));
    for (const expected of [
      '# Weather\n',
      'Forecasts, current conditions and alerts from a national weather service.',
      'Version `1.2.0` · MCP revision `2025-11-25`',
      '| Website | [https://weather.example.com](https://weather.example.com) |',
      '| Icons | [https://weather.example.com/icon-64.png]',
      '| Capabilities | `tools`, `resources`, `prompts` |',
      '| Transport | stdio: `npm start -- --stdio` |',
      'Use get_forecast for multi-day forecasts',
      'for the resource [https://weather.example.com/mcp](https://weather.example.com/mcp), issued by [https://auth.example.com](https://auth.example.com)',
      '| `alerts:subscribe` | [`subscribe_alerts`](#subscribe_alerts) |',
      '### `get_forecast`\n\n**Get forecast**\n\nDaily forecast for a location, up to 7 days ahead.\n\nHints: `read-only` `open-world`',
      '| `latitude` | `number` | yes |  |  |  | Latitude in decimal degrees. |',
      '| `days` | `integer` |  | `3` |  |  |  |',
      '| `severity` | `string` |  |  | `"minor"`, `"moderate"`, `"severe"`, `"extreme"` |  |  |',
      '| \u00a0\u00a0`days[].date` | `string` | yes |  |  | `date` |  |',
      'Hints: `idempotent` `not destructive`\n\nRequires scopes: `alerts:subscribe`',
      '"method": "tools/call"',
      'const result = await client.subscribeAlerts({\n  "state": "string",\n  "email": "user@example.com"\n});',
      '- URI: `weather://stations`',
      '- URI template: `weather://stations/{stationId}/observations{?limit}`\n- Variables: `stationId`, `limit`',
      '| `destination` | yes | City or coordinates. |',
      '| `WEATHER_API_KEY` | yes | yes | Key for the national weather service',
      'npx -y @example/weather-mcp --stdio',
      '"WEATHER_API_KEY": "${WEATHER_API_KEY}"',
    ]) {
      expect(md).toContain(expected);
    }
    expect(md).not.toContain('Revision `2025-11-25`.**');
  });

  it('expands nested objects and arrays, resolves $refs, shows task support, x-mcp-header and manifest examples', async () => {
    const manifest = {
      tools: [
        {
          name: 'book',
          execution: { taskSupport: 'optional' },
          inputSchema: {
            type: 'object',
            $defs: { Person: { type: 'object', properties: { name: { type: 'string', description: 'Full name.' }, friend: { $ref: '#/$defs/Person' } }, required: ['name'] } },
            properties: {
              guests: { type: 'array', items: { $ref: '#/$defs/Person' }, minItems: 1 },
              region: { type: 'string', 'x-mcp-header': 'Region' },
            },
            required: ['guests'],
            examples: [{ guests: [{ name: 'Ada' }], region: 'eu' }],
          },
        },
      ],
    };
    const current = await docs(irOf(manifest, '2025-11-25'));
    expect(current.md).toContain('| `guests` | `object[]` | yes |');
    expect(current.md).toContain('| \u00a0\u00a0`guests[].name` | `string` | yes |  |  |  | Full name. |');
    // The recursive $ref is expanded once, then cut off instead of looping.
    expect(current.md).toContain('`guests[].friend`');
    expect(current.md).toContain('Task support: `optional`');
    expect(current.md).toContain('"name": "Ada"');
    expect(current.md).not.toContain('Mcp-Param-Region');

    const later = await docs(irOf(manifest, '2026-07-28'));
    expect(later.md).toContain('- `region` → `Mcp-Param-Region`');
    expect(later.md).not.toContain('Task support');
  });

  it('shows only what the target revision has, and notes what a newer one adds', async () => {
    const { md } = await docs(irOf(weather, '2025-03-26'));
    expect(md).not.toContain('**Get forecast**');
    expect(md).not.toContain('**Output**');
    expect(md).toContain('# weather\n');
    expect(md).toMatch(/> \*\*Revision `2025-03-26`\.\*\* The manifest also declares .*`Tool\.title`/);
    expect(md).toContain('`Implementation.websiteUrl`');
  });

  it('is deterministic and leaves the IR untouched', async () => {
    const ir = deepFreeze(irOf(weather));
    const a = await docs(ir);
    const b = await docs(ir);
    expect(b.files).toEqual(a.files);
    expect(a.html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(Object.keys(a.files).sort()).toEqual(['README.md', 'clients/.mcp.json', 'clients/mcp-servers.http.json', 'clients/mcp-servers.stdio.json', 'clients/npx.sh', 'index.html']);
  });

  it('writes the client set-up snippets as files', async () => {
    const { files } = await docs(irOf(weather));
    expect(JSON.parse(files['clients/mcp-servers.stdio.json']!)).toEqual({
      mcpServers: { 'weather-mcp': { command: 'npx', args: ['-y', '@example/weather-mcp', '--stdio'], env: { WEATHER_API_KEY: '<WEATHER_API_KEY>' } } },
    });
    expect(JSON.parse(files['clients/mcp-servers.http.json']!)).toEqual({
      mcpServers: { 'weather-mcp': { type: 'http', url: 'https://weather.example.com/mcp', headers: { Authorization: 'Bearer <access token>' } } },
    });
    expect(JSON.parse(files['clients/.mcp.json']!).mcpServers['weather-mcp'].type).toBe('stdio');
    expect(files['clients/npx.sh']).toBe('npx -y @example/weather-mcp --stdio\n');
  });
});

describe('docs emitter: hostile strings', () => {
  it('lets no manifest string become markup, a link target, a heading or template code', async () => {
    const { md, html } = await docs(irOf(hostileManifest));
    // Markdown: raw HTML is escaped, so GitHub shows it as text.
    const prose = md.replace(/(`+)[\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/<(script|img|svg|a|style)\b/i);
    expect(md).toContain('&lt;script&gt;window.__pwned = "script"&lt;/script&gt;');
    expect(md).not.toMatch(/^#+ Injected heading/m);
    expect(md).toContain('{{#each this}}');
    // HTML: our script is the only one, no event handler attribute, no javascript: URL, no image.
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/<(img|svg|style)\b[^>]*>(?![^<]*<\/style>\s*<\/head>)/i);
    expect(html).not.toContain('<h1 id="injected-heading"');
    expect(html).toContain('{{#each this}}');
    expect(EVIL).toContain('\u2028');
  });

  it('keeps the heading ids of the HTML equal to the links of the Markdown', async () => {
    const { md, html } = await docs(irOf(hostileManifest));
    const ids = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(ids, link).toContain(link);
    // The tool "prompts" comes before the Prompts section: it gets the plain slug.
    expect(md).toContain('- [Prompts](#prompts-1)');
  });
});

describe('docs emitter: users partials', () => {
  it('replaces a built-in partial with the user one, fed the same prepared view', async () => {
    const dir = writeFiles({ 'tool.md.hbs': '### {{heading}}\n\nCUSTOM {{title}}\n\n', 'page.html.hbs': '<!doctype html><title>{{title}}</title><main>{{{body}}}</main>' });
    expect(Object.keys(readUserPartials(dir)).sort()).toEqual(['page', 'tool']);
    const { md, html } = await docs(irOf(weather), { templatesDir: dir });
    expect(md).toContain('### `get_forecast`\n\nCUSTOM Get forecast\n');
    expect(md).not.toContain('**Parameters**');
    expect(html).toBe('<!doctype html><title>Weather</title><main>' + html.slice(html.indexOf('<main>') + 6));
  });

  it('refuses an unknown partial name and reports a broken partial as a usage error', async () => {
    await expect(docs(irOf(weather), { tools: 'x' })).rejects.toThrow(/Unknown docs partial: tools[\s\S]*/);
    const broken = docs(irOf(weather), { tool: '{{#if}}' });
    await expect(broken).rejects.toBeInstanceOf(McpgenError);
    await expect(broken).rejects.toThrow(/Docs template README.md.hbs failed/);
    expect(() => readUserPartials('/nonexistent/folder')).toThrow(McpgenError);
  });
});

describe('markdown to HTML', () => {
  it('splits before headings, never inside a code fence', () => {
    const md = '# A\n\ntext\n\n```sh\n# not a heading\n```\n\n## B\n~~~~\n## still code\n~~~\n## still code\n~~~~\n### C';
    expect(splitAtHeadings(md)).toEqual(['# A\n\ntext\n\n```sh\n# not a heading\n```\n', '## B\n~~~~\n## still code\n~~~\n## still code\n~~~~', '### C']);
  });

  it('normalizes line breaks and NUL as markdown-it does: CR and CRLF are LF, NUL is U+FFFD', async () => {
    const raw = '# T\r\n\r\n| a | b |\r| --- | --- |\n| `x\0` | y |\r\ntext\0\r';
    const normalized = raw.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    expect((await markdownToHtml(raw)).html).toBe((await markdownToHtml(normalized)).html);
    expect((await markdownToHtml(raw)).html).toContain('<code>x\uFFFD</code>');
    expect((await markdownToHtml(raw)).html).not.toMatch(/[\r\0]/);
  });

  it('splits as the line-by-line definition does, on any mix of headings, fences and look-alikes', () => {
    // The definition: split into lines, track fences, cut before a heading line outside a fence (not the first line).
    const reference = (markdown: string): string[] => {
      const parts: string[] = [];
      let current: string[] = [];
      let fence: string | undefined;
      for (const line of markdown.split('\n')) {
        const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence === undefined && marker) fence = marker;
        else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        else if (fence === undefined && /^#{1,6} /.test(line) && current.length) {
          parts.push(current.join('\n'));
          current = [];
        }
        current.push(line);
      }
      parts.push(current.join('\n'));
      return parts;
    };
    const lines = ['# H', '## H2', '####### seven', '#no-space', ' # indented', '   ```', '    ```', '```ts', '````', '~~~', '~~~~ ', ' ~~~', '``` x', 'text', '', '\r', '# H\r', '|a|b|', '   #'];
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 500; round++) {
      const md = Array.from({ length: next(12) }, () => lines[next(lines.length)]).join('\n') + (next(2) ? '\n' : '');
      expect(splitAtHeadings(md), JSON.stringify(md)).toEqual(reference(md));
    }
  });
});
