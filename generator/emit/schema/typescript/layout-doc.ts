/**
 * A small layout engine with the same algorithm as prettier's document
 * printer (groups that print flat when they fit in the line, else broken;
 * indent, align, soft and hard lines, ifBreak, indentIfBreak).
 *
 * Why our own: the per-tool type modules are a large share of a big server's
 * output, and running prettier over them cost most of `generate`. Building
 * the same documents prettier's TypeScript printer builds for the few
 * constructs we emit, and printing them with the same fitting rules, gives
 * byte-identical output at a fraction of the cost. Only ASCII text is measured
 * here: callers hand anything else to prettier (see `declarations.ts`).
 */

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | BreakParent;

interface Group {
  kind: 'group';
  contents: Doc;
  /** Breaks even when it would fit (and so do the groups around it). */
  break: boolean;
  id?: symbol;
}
interface Indent {
  kind: 'indent';
  contents: Doc;
}
interface Align {
  kind: 'align';
  width: number;
  contents: Doc;
}
interface Line {
  kind: 'line';
  soft: boolean;
  hard: boolean;
}
interface IfBreak {
  kind: 'if-break';
  breakContents: Doc;
  flatContents: Doc;
}
interface IndentIfBreak {
  kind: 'indent-if-break';
  contents: Doc;
  groupId: symbol;
}
interface BreakParent {
  kind: 'break-parent';
}

export const line: Doc = { kind: 'line', soft: false, hard: false };
export const softline: Doc = { kind: 'line', soft: true, hard: false };
const breakParent: Doc = { kind: 'break-parent' };
export const hardline: Doc = [{ kind: 'line', soft: false, hard: true }, breakParent];

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc {
  return { kind: 'group', contents, break: options.shouldBreak ?? false, ...(options.id ? { id: options.id } : {}) };
}
export function indent(contents: Doc): Doc {
  return { kind: 'indent', contents };
}
export function align(width: number, contents: Doc): Doc {
  return { kind: 'align', width, contents };
}
export function ifBreak(breakContents: Doc, flatContents: Doc = ''): Doc {
  return { kind: 'if-break', breakContents, flatContents };
}
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { kind: 'indent-if-break', contents, groupId };
}
export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
}

/**
 * Marks every group that contains a hard line or an already broken group as
 * broken, as prettier does before printing. Returns whether `doc` forces a break.
 */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let any = false;
    for (const d of doc) if (propagateBreaks(d)) any = true;
    return any;
  }
  switch (doc.kind) {
    case 'group':
      if (propagateBreaks(doc.contents)) doc.break = true;
      return doc.break;
    case 'indent':
    case 'align':
    case 'indent-if-break':
      return propagateBreaks(doc.contents);
    case 'if-break': {
      const a = propagateBreaks(doc.breakContents);
      const b = propagateBreaks(doc.flatContents);
      return a || b;
    }
    case 'break-parent':
      return true;
    default:
      return false;
  }
}

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;
interface Command {
  indent: string;
  mode: Mode;
  doc: Doc;
}

/** Whether `next` fits in `width` columns, followed by the rest of the line (prettier's `fits`). */
function fits(next: Command, rest: Command[], width: number, groupModes: Map<symbol, Mode>): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const commands: { mode: Mode; doc: Doc }[] = [next];
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === 'string') {
      if (doc) {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= doc.length;
      }
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i]! });
    } else {
      switch (doc.kind) {
        case 'indent':
        case 'align':
        case 'indent-if-break':
          commands.push({ mode, doc: doc.contents });
          break;
        case 'group':
          commands.push({ mode: doc.break ? BREAK : mode, doc: doc.contents });
          break;
        case 'if-break': {
          const contents = mode === BREAK ? doc.breakContents : doc.flatContents;
          if (contents) commands.push({ mode, doc: contents });
          break;
        }
        case 'line':
          if (mode === BREAK || doc.hard) return true;
          if (!doc.soft) pendingSpace = true;
          break;
        default:
          break;
      }
    }
  }
  return false;
}

/**
 * Prints `doc` the way prettier's printDocToString would, at `printWidth`
 * columns with two-space indents. `indent` is the indentation of the line the
 * doc starts on (already written by the caller), for docs printed on their own.
 */
export function printDoc(doc: Doc, printWidth: number, indent = ''): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let position = indent.length;
  let remeasure = false;
  const commands: Command[] = [{ indent, mode: BREAK, doc }];
  while (commands.length > 0) {
    const { indent: ind, mode, doc: d } = commands.pop()!;
    if (typeof d === 'string') {
      if (d) {
        out.push(d);
        position += d.length;
      }
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: d[i]! });
      continue;
    }
    switch (d.kind) {
      case 'indent':
        commands.push({ indent: ind + '  ', mode, doc: d.contents });
        break;
      case 'align':
        commands.push({ indent: ind + ' '.repeat(d.width), mode, doc: d.contents });
        break;
      case 'group': {
        let next: Command;
        if (mode === FLAT && !remeasure) {
          next = { indent: ind, mode: d.break ? BREAK : FLAT, doc: d.contents };
        } else {
          remeasure = false;
          const flat: Command = { indent: ind, mode: FLAT, doc: d.contents };
          next = !d.break && fits(flat, commands, printWidth - position, groupModes) ? flat : { indent: ind, mode: BREAK, doc: d.contents };
        }
        commands.push(next);
        if (d.id) groupModes.set(d.id, next.mode);
        break;
      }
      case 'if-break': {
        const contents = mode === BREAK ? d.breakContents : d.flatContents;
        if (contents) commands.push({ indent: ind, mode, doc: contents });
        break;
      }
      case 'indent-if-break': {
        const broken = (groupModes.get(d.groupId) ?? FLAT) === BREAK;
        commands.push({ indent: broken ? ind + '  ' : ind, mode, doc: d.contents });
        break;
      }
      case 'line':
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out.push(' ');
            position += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        trimTrailingSpace(out);
        out.push('\n' + ind);
        position = ind.length;
        break;
      default:
        break;
    }
  }
  return out.join('');
}

/** Drops spaces and tabs at the end of the output, as prettier does before each line break. */
function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, '');
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
