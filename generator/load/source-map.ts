/**
 * Where each node of a loaded document came from. Keyed by JSON Pointer, so
 * later stages (lint, IR) can report any finding as `file:line:col` without
 * holding on to YAML nodes.
 *
 * Entries hold character offsets; lines and columns are computed only when a
 * diagnostic asks (a large manifest has tens of thousands of nodes and few
 * findings).
 */
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { parentPointer } from './json-pointer.js';

/** A file's text positions: offset → 1-based line and column. */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

export interface NodeSpan {
  source: SourceText;
  /** Offsets of the value's start and end. */
  start: number;
  end: number;
  /** Offset of the key, when the node is a mapping value. */
  keyStart?: number;
}

export class SourceMap {
  private readonly _entries = new Map<string, NodeSpan>();
  /** Fills the map on first use (see `lazy`). */
  private pending: ((map: SourceMap) => void) | undefined;

  /**
   * A map whose entries `fill` computes on first use. Why: positions are
   * needed only when something is reported, and a clean 500-tool manifest
   * has tens of thousands of nodes and no finding; recording them all up
   * front was a tenth of a lint run.
   */
  static lazy(fill: (map: SourceMap) => void): SourceMap {
    const map = new SourceMap();
    map.pending = fill;
    return map;
  }

  private get entries(): Map<string, NodeSpan> {
    const fill = this.pending;
    if (fill) {
      this.pending = undefined;
      fill(this);
    }
    return this._entries;
  }

  set(pointer: string, span: NodeSpan): void {
    this.entries.set(pointer, span);
  }

  has(pointer: string): boolean {
    return this.entries.has(pointer);
  }

  /** Copies every entry under `fromPrefix` to the same path under `toPrefix`. */
  copyFrom(other: SourceMap, fromPrefix: string, toPrefix: string): void {
    for (const [pointer, span] of other.entries) {
      if (pointer === fromPrefix || pointer.startsWith(fromPrefix + '/')) {
        this.entries.set(toPrefix + pointer.slice(fromPrefix.length), span);
      }
    }
  }

  /**
   * Copies every entry of `other` whose pointer `rename` maps to a new
   * pointer (undefined: skip). One pass, however many subtrees move.
   */
  copyRenamed(other: SourceMap, rename: (pointer: string) => string | undefined): void {
    for (const [pointer, span] of other.entries) {
      const target = rename(pointer);
      if (target !== undefined) this.entries.set(target, span);
    }
  }

  /**
   * The location of a node, or of its nearest ancestor that has one (a lint
   * rule may point at a property that does not exist, such as a missing field).
   * With `key`, the key's position is preferred: `unknown key` points at the
   * key, `wrong value` at the value.
   */
  locate(pointer: string, options: { key?: boolean } = {}): SourceLocation | undefined {
    let p: string | undefined = pointer;
    while (p !== undefined) {
      const span = this.entries.get(p);
      if (span) {
        const { file } = span.source;
        if (options.key && span.keyStart !== undefined && p === pointer) {
          return { file, ...span.source.position(span.keyStart) };
        }
        const start = span.source.position(span.start);
        const end = span.source.position(span.end);
        return { file, ...start, endLine: end.line, endColumn: end.column };
      }
      p = parentPointer(p);
    }
    return undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
