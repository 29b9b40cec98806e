import { ToolError } from '../../generated/errors.js';
import type { NoteHandler } from '../../generated/types.js';
import { findNote } from '../../notes.js';

/** Resource template "note" (yours: created once, never overwritten). `id` comes from the URI. */
export const handler: NoteHandler = async (uri, { id }) => {
  const note = findNote(id);
  // ToolError: the message is for the client (any other thrown error is logged and hidden).
  if (!note) throw new ToolError(`There is no note "${id}".`);
  return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `# ${note.title}\n\n${note.body}` }] };
};
