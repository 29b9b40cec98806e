/** RFC 6901 JSON Pointers: how every node of a manifest is addressed. */

export function escapePointerSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  // Most keys need no escaping; skip the two regex passes for them.
  if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  if (segment.indexOf('~') < 0) return segment; // nothing escaped: no regex pass
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const s of segments) out += '/' + escapePointerSegment(s);
  return out;
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

/** Follows a pointer into plain data; undefined when any step is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node = root;
  // The segments of splitPointer, one at a time (no array of them: lint resolves every $ref this way).
  for (let start = 1; ; ) {
    const end = pointer.indexOf('/', start);
    const seg = unescapePointerSegment(end < 0 ? pointer.slice(start) : pointer.slice(start, end));
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (node && typeof node === 'object' && Object.hasOwn(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return undefined;
    if (end < 0) return node;
    start = end + 1;
  }
}
