/**
 * A string built piece by piece (`a + b`, `+=`) is held by V8 as a tree of
 * its pieces until something reads it by index. Kept for long, the tree
 * survives collections of the young generation and is copied into the old
 * one, piece by piece: a markdown-it page of 1,000 tools left about a
 * million pieces behind, and collecting them cost more than the rendering.
 * `flatText` reads one character, which makes V8 copy the text into one
 * piece at once, while the tree is still young and dies cheaply. Returns
 * the same string (same characters; only how V8 stores it changes).
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
