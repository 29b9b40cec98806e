import type { NotesIndexHandler } from '../../generated/types.js';
import { notes } from '../../notes.js';

/** Resource "notes-index" (yours: created once, never overwritten). */
export const handler: NotesIndexHandler = async (uri) => ({
  contents: [
    {
      uri: uri.href,
      mimeType: 'text/markdown',
      text: notes.map((n) => `- [${n.title}](notes://notes/${n.id})`).join('\n'),
    },
  ],
});
