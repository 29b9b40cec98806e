/**
 * Heading anchors as GitHub computes them (lower case; punctuation other than
 * `-` and `_` dropped; spaces become `-`; a repeated slug gets `-1`, `-2`).
 * The docs view model predicts anchors with it and the HTML renderer assigns
 * heading ids with it, so a link works the same on GitHub and in index.html.
 */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Hands out unique slugs in document order. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  claim(text: string): string {
    const base = slug(text);
    let candidate = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(candidate)) candidate = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(candidate, 0);
    return candidate;
  }
}
