/**
 * Line-based source writer for generated validators: one statement per line,
 * two-space indent, so the module reads like hand-written code without a
 * formatter pass (prettier is skipped for validator modules).
 */
const INDENTS: string[] = [];

export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  private names = 0;

  /** A fresh local name (`prefix` + counter), unique within the writer. */
  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  line(text: string): void {
    this.lines.push((INDENTS[this.depth] ??= '  '.repeat(this.depth)) + text);
  }

  /** `header {`, then the body indented, then `}`. */
  block(header: string, body: () => void): void {
    this.line(header ? `${header} {` : '{');
    this.depth++;
    body();
    this.depth--;
    this.line('}');
  }

  /** `if (cond) {` body `} else {` otherwise `}`. */
  ifElse(cond: string, then: () => void, otherwise: () => void): void {
    this.line(`if (${cond}) {`);
    this.depth++;
    then();
    this.depth--;
    this.line('} else {');
    this.depth++;
    otherwise();
    this.depth--;
    this.line('}');
  }

  /** Lines written since `mark` (for dropping an empty block). */
  mark(): number {
    return this.lines.length;
  }

  /** Drops lines written after `mark`. */
  rewind(mark: number): void {
    this.lines.length = mark;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
