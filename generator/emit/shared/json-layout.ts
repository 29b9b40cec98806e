/**
 * JSON laid out the way the formatter lays out JSON files (prettier's `json`
 * parser at print width 100), so generated JSON files need no formatting pass
 * (loading prettier alone costs about a fifth of a second): objects one key
 * per line, and an array of primitives on one line when it fits.
 */
const WIDTH = 100;

export function jsonLayout(value: unknown): string {
  return `${layout(value, 0, 0)}\n`;
}

/** `indent`: the nesting depth; `used`: columns before the value on its first line. */
function layout(value: unknown, indent: number, used: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      // The trailing comma after a member counts towards the width.
      if (used + flat.length + 1 <= WIDTH) return flat;
    }
    const pad = '  '.repeat(indent + 1);
    return `[\n${value.map((v) => pad + layout(v, indent + 1, pad.length)).join(',\n')}\n${'  '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const pad = '  '.repeat(indent + 1);
    const members = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return pad + key + layout(v, indent + 1, pad.length + key.length);
    });
    return `{\n${members.join(',\n')}\n${'  '.repeat(indent)}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
