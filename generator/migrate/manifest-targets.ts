/**
 * Where each tracked spec definition occurs in a manifest, as JSON Pointers
 * into the manifest data: `Tool` at `/tools/0`, `ToolAnnotations` at
 * `/tools/0/annotations`, `Icon` at `/server/icons/0`, and so on.
 */
import type { JsonObject } from '../load/manifest-types.js';
import type { TrackedDefinition } from './migration-table.js';

export interface Target {
  pointer: string;
  path: (string | number)[];
  value: JsonObject;
  /** How people name the item: `tool "get_forecast"`. */
  label: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function pointerOf(path: (string | number)[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function named(kind: string, value: JsonObject, index: number): string {
  const name = typeof value.name === 'string' ? value.name : typeof value.uriTemplate === 'string' ? value.uriTemplate : undefined;
  return name === undefined ? `${kind} #${index + 1}` : `${kind} ${JSON.stringify(name)}`;
}

function items(data: JsonObject, section: string, kind: string): Target[] {
  const list = data[section];
  if (!Array.isArray(list)) return [];
  const out: Target[] = [];
  list.forEach((value, i) => {
    if (isObject(value)) out.push({ path: [section, i], pointer: pointerOf([section, i]), value, label: named(kind, value, i) });
  });
  return out;
}

function child(parents: Target[], key: string, suffix: string): Target[] {
  return parents.flatMap((p) => {
    const v = p.value[key];
    return isObject(v) ? [{ path: [...p.path, key], pointer: pointerOf([...p.path, key]), value: v, label: `${p.label} ${suffix}` }] : [];
  });
}

function children(parents: Target[], key: string, kind: string): Target[] {
  return parents.flatMap((p) => {
    const list = p.value[key];
    if (!Array.isArray(list)) return [];
    return list.flatMap((v, i) =>
      isObject(v) ? [{ path: [...p.path, key, i], pointer: pointerOf([...p.path, key, i]), value: v, label: `${p.label} ${named(kind, v, i)}` }] : [],
    );
  });
}

/** Every occurrence of `definition` in the manifest data. */
export function targetsOf(data: JsonObject, definition: TrackedDefinition): Target[] {
  const tools = items(data, 'tools', 'tool');
  const resources = items(data, 'resources', 'resource');
  const templates = items(data, 'resourceTemplates', 'resource template');
  const prompts = items(data, 'prompts', 'prompt');
  const server = isObject(data.server) ? [{ path: ['server'], pointer: '/server', value: data.server, label: 'server' }] : [];
  switch (definition) {
    case 'Tool':
      return tools;
    case 'ToolAnnotations':
      return child(tools, 'annotations', 'annotations');
    case 'Resource':
      return resources;
    case 'ResourceTemplate':
      return templates;
    case 'Annotations':
      return [...child(resources, 'annotations', 'annotations'), ...child(templates, 'annotations', 'annotations')];
    case 'Prompt':
      return prompts;
    case 'PromptArgument':
      return children(prompts, 'arguments', 'argument');
    case 'Implementation':
      return server;
    case 'Icon':
      return children([...server, ...tools, ...resources, ...templates, ...prompts], 'icons', 'icon');
    case 'ServerCapabilities':
    case 'CallToolResult':
      return [];
  }
}

export { pointerOf };
