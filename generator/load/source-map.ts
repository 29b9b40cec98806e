/**
 * Where each node of a loaded document came from. Keyed by JSON Pointer, so
 * later stages (lint, IR) can report any finding as `file:line:col` without
 * holding on to YAML nodes.
 */
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { parentPointer } from './json-pointer.js';

export interface NodePosition {
  file: string;
  /** Start and end of the value. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Start of the key, when the node is a mapping value. */
  keyLine?: number;
  keyColumn?: number;
}

export class SourceMap {
  private readonly entries = new Map<string, NodePosition>();

  set(pointer: string, position: NodePosition): void {
    this.entries.set(pointer, position);
  }

  get(pointer: string): NodePosition | undefined {
    return this.entries.get(pointer);
  }

  /** Copies every entry under `fromPrefix` to the same path under `toPrefix`. */
  copyFrom(other: SourceMap, fromPrefix: string, toPrefix: string): void {
    for (const [pointer, pos] of other.entries) {
      if (pointer === fromPrefix || pointer.startsWith(fromPrefix + '/')) {
        this.entries.set(toPrefix + pointer.slice(fromPrefix.length), pos);
      }
    }
  }

  /**
   * Copies the items of the array at `arrayPointer` to the same array of this
   * map, shifting each index by `offset`, in one pass over the entries (merging
   * item by item with copyFrom would be quadratic in the manifest size).
   */
  copyArrayItems(other: SourceMap, arrayPointer: string, offset: number): void {
    const prefix = arrayPointer + '/';
    for (const [pointer, pos] of other.entries) {
      if (!pointer.startsWith(prefix)) continue;
      const rest = pointer.slice(prefix.length);
      const slash = rest.indexOf('/');
      const index = Number(slash < 0 ? rest : rest.slice(0, slash));
      if (!Number.isInteger(index)) continue;
      this.entries.set(prefix + (index + offset) + (slash < 0 ? '' : rest.slice(slash)), pos);
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
      const pos = this.entries.get(p);
      if (pos) {
        if (options.key && pos.keyLine !== undefined && p === pointer) {
          return { file: pos.file, line: pos.keyLine, column: pos.keyColumn ?? 1 };
        }
        return { file: pos.file, line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn };
      }
      p = parentPointer(p);
    }
    return undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
