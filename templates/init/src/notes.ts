/** Example data for the example handlers: replace it with your own storage. */
export interface Note {
  id: string;
  title: string;
  body: string;
}

export const notes: readonly Note[] = [
  { id: 'welcome', title: 'Welcome', body: 'This server was made with mcpgen. Its tools, resources and prompts are declared in mcp.yaml.' },
  { id: 'next-steps', title: 'Next steps', body: 'Add a tool with `npx mcpgen add tool NAME`, implement its handler, then run `npm test`.' },
];

export function findNote(id: string): Note | undefined {
  return notes.find((n) => n.id === id);
}
