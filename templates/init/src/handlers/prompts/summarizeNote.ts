import type { SummarizeNoteHandler } from '../../generated/types.js';
import { findNote } from '../../notes.js';

/** Prompt "summarize_note" (yours: created once, never overwritten). */
export const handler: SummarizeNoteHandler = async ({ id }) => {
  const note = findNote(id);
  if (!note) throw new Error(`There is no note "${id}".`);
  return {
    description: `Summary of "${note.title}"`,
    messages: [{ role: 'user', content: { type: 'text', text: `Summarize this note in one sentence:\n\n${note.body}` } }],
  };
};
