/**
 * Where the server emitter puts files. Every path below `src/` is built from
 * fixed names and IR identifiers only (never from manifest strings).
 */
export const GENERATED_DIR = 'src/generated';

export const handlerFolders = {
  tools: 'tools',
  resources: 'resources',
  resourceTemplates: 'templates',
  prompts: 'prompts',
} as const;

export type HandlerKind = keyof typeof handlerFolders;

/** The user-owned handler file of one tool/resource/template/prompt. */
export function handlerPath(kind: HandlerKind, identifier: string): string {
  return `src/handlers/${handlerFolders[kind]}/${identifier}.ts`;
}
