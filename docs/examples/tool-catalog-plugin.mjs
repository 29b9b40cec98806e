// An example mcpgen emitter plug-in (see docs/plugins.md): writes
// `tool-catalog.md`, one section per tool with its input type, taken from
// the per-tool artifacts mcpgen computes once for every emitter.
//
// Use it from a config:
//   targets: { docs: { emit: [{ plugin: './tool-catalog-plugin.mjs', options: { title: 'Tools' } }] } }

/** @type {import('mcpgen').Emitter<{ title?: string; includeTypes?: boolean }>} */
const toolCatalog = {
  name: 'tool-catalog',
  description: 'a Markdown catalog of the tools, with their input types',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1 },
      includeTypes: { type: 'boolean' },
    },
  },
  files: ['tool-catalog.md'],
  userOwned: [],
  async emit({ ir, options, artifacts }) {
    const types = options.includeTypes === false ? undefined : await artifacts.toolTypes();
    const lines = [`# ${options.title ?? `${ir.server.name} tools`}`, '', `MCP revision ${ir.revision.id}.`, ''];
    for (const tool of ir.tools) {
      // Manifest strings go into Markdown: keep them on one line, in code spans where they are names.
      lines.push(`## \`${tool.name.replace(/`/g, "'")}\``, '');
      if (typeof tool.wire.description === 'string') lines.push(tool.wire.description.replace(/\s+/g, ' '), '');
      if (types) lines.push('```ts', types.get(tool.identifier).input.trim(), '```', '');
    }
    return [{ path: 'tool-catalog.md', contents: lines.join('\n'), owner: 'generated' }];
  },
};

export default toolCatalog;
