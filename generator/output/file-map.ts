/**
 * What emitters produce: paths relative to the output folder, with contents
 * and an owner. Generated files are rewritten on every run; user-owned files
 * are created once and never touched again.
 */

export type FileOwner = 'generated' | 'user';

export interface OutputFile {
  /** POSIX path relative to the output folder. */
  path: string;
  contents: string;
  owner: FileOwner;
  /** Skip prettier for this file (already formatted, or not a format it knows). */
  formatted?: boolean;
  /**
   * The contents already begin with the run's header (header.ts), so the
   * write stage adds none: a 15 MB module built with its header in one
   * piece is not copied again to put the header in front.
   */
  headed?: boolean;
}

/** An ordered path → file map that refuses two emitters claiming one path. */
export class FileMap {
  private readonly files = new Map<string, OutputFile>();

  add(file: OutputFile): void {
    if (this.files.has(file.path)) {
      throw new Error(`mcpgen internal error: two outputs for ${file.path}`);
    }
    this.files.set(file.path, file);
  }

  addAll(files: Iterable<OutputFile>): void {
    for (const f of files) this.add(f);
  }

  get(path: string): OutputFile | undefined {
    return this.files.get(path);
  }

  /** Files sorted by path, so every later stage is deterministic. */
  list(): OutputFile[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get size(): number {
    return this.files.size;
  }
}
